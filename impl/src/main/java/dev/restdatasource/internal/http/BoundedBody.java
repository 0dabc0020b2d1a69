package dev.restdatasource.internal.http;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads one response body into a byte array, never more than a limit: a {@code Content-Length} over the limit fails
 * before any byte is read, and a body that grows past it (chunked, or longer than announced) fails as soon as it
 * does. Either way the subscription is cancelled, which closes the connection, and the body completes with a
 * {@link DataSourceException} coded {@link ErrorCode#INVALID_UPSTREAM_RESPONSE}. {@link #abort} stops a read from
 * outside (the call's deadline passed). One instance per request; thread-safe.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final String method;
    private final URI url;
    private final long limit;
    private volatile Reader reader;
    private volatile Throwable aborted;

    BoundedBody(String method, URI url, long limit) {
        this.method = method;
        this.url = url;
        this.limit = Math.min(limit, MAX_ARRAY); // a byte array holds no more, whatever the setting says
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        Reader next = new Reader();
        reader = next;
        Throwable stop = aborted;
        if (stop != null) {
            next.fail(stop);
        } else if (announcesBody(info) && info.headers().firstValueAsLong("content-length").orElse(-1) > limit) {
            next.fail(tooLarge());
        }
        return next;
    }

    /** Whether the response's {@code Content-Length} is the length of a body that follows (RFC 9110 §8.6). */
    private boolean announcesBody(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        return !method.equals("HEAD") && status != 204 && status != 304 && status >= 200;
    }

    /** Stops reading the body with {@code why}, now or as soon as it starts. */
    void abort(Throwable why) {
        aborted = why;
        Reader current = reader;
        if (current != null) {
            current.fail(why);
        }
    }

    /** Whether the response's head arrived (the client asked for a body reader), for this or an earlier attempt. */
    boolean headersReceived() {
        return reader != null;
    }

    /** Returns why this body failed when this class failed it (too large, aborted), else null. */
    Throwable failure() {
        Reader current = reader;
        return current == null ? aborted : current.failure;
    }

    private DataSourceException tooLarge() {
        return new DataSourceException("Upstream response too large: " + method + " " + url + " sent a body over the limit of "
                + limit + " bytes", ErrorCode.INVALID_UPSTREAM_RESPONSE, 0, "", url, null, null);
    }

    /** The subscriber of one body: counts bytes as they arrive and keeps them until the end or the limit. */
    private final class Reader implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final List<ByteBuffer> parts = new ArrayList<>();
        private volatile Flow.Subscription subscription;
        private volatile Throwable failure;
        private long received;

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (body.isDone()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                received += item.remaining();
            }
            if (received > limit) {
                parts.clear();
                fail(tooLarge());
                return;
            }
            parts.addAll(items);
        }

        @Override
        public void onError(Throwable error) {
            parts.clear();
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            byte[] bytes = new byte[(int) received];
            int at = 0;
            for (ByteBuffer part : parts) {
                int n = part.remaining();
                part.get(bytes, at, n);
                at += n;
            }
            parts.clear();
            body.complete(bytes);
        }

        /** Fails the body with {@code why} and cancels the subscription (closing the connection), once. */
        void fail(Throwable why) {
            failure = why;
            if (body.completeExceptionally(why)) {
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
            }
        }
    }
}
