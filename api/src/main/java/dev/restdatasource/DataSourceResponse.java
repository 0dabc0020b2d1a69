package dev.restdatasource;

import dev.restdatasource.internal.bridge.ResponseMarks;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An upstream response as a data source returns it: status, headers, the whole body, and how it was
 * obtained (from the cache, after a revalidation, shared with an identical call).
 *
 * <p>Immutable and thread-safe; the body is never exposed for modification. Several deduplicated
 * callers may share one instance.
 */
public final class DataSourceResponse {
    static {
        ResponseMarks.install(new Marks());
    }

    private final URI url;
    private final int status;
    private final String statusText;
    private final Headers headers;
    private final byte[] body;
    private final boolean fromCache;
    private final boolean revalidated;
    private final boolean stale;
    private final boolean deduplicated;
    private final CompletionStage<Void> cacheWrite;

    private DataSourceResponse(Builder b) {
        this.url = b.url;
        this.status = b.status;
        this.statusText = b.statusText == null ? "" : b.statusText;
        this.headers = Objects.requireNonNull(b.headers, "headers");
        this.body = b.body == null ? new byte[0] : b.body;
        this.fromCache = b.fromCache;
        this.revalidated = b.revalidated;
        this.stale = b.stale;
        this.deduplicated = b.deduplicated;
        this.cacheWrite = b.cacheWrite == null ? CompletableFuture.completedFuture(null) : b.cacheWrite;
    }

    /** Returns a builder; used by transports, caches and tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this response's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.url = url;
        b.status = status;
        b.statusText = statusText;
        b.headers = headers;
        b.body = body;
        b.fromCache = fromCache;
        b.revalidated = revalidated;
        b.stale = stale;
        b.deduplicated = deduplicated;
        b.cacheWrite = cacheWrite;
        return b;
    }

    /** Returns the URL the request went to. */
    public URI url() {
        return url;
    }

    /** Returns the HTTP status. */
    public int status() {
        return status;
    }

    /** Returns the reason phrase of the status (the standard one; HTTP/2 has none on the wire). */
    public String statusText() {
        return statusText;
    }

    /** Returns whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** Returns the response headers. On a cache hit they include {@code Age}. */
    public Headers headers() {
        return headers;
    }

    /** Returns a copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** Returns a stream over the body, without copying it. */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** Returns the body decoded with the charset of its content type (UTF-8 when none or unknown). */
    public String bodyAsString() {
        return new String(body, charset());
    }

    /** Returns the charset named by the {@code Content-Type} header, or UTF-8. */
    public Charset charset() {
        String type = headers.first("content-type");
        if (type != null) {
            for (String part : type.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = p.substring(8).trim().replace("\"", "");
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * Returns whether the response came from the HTTP cache without any upstream call (Apollo's
     * {@code responseFromCache}): a fresh hit, a stale entry served while revalidating in the
     * background, or a stale entry served because upstream failed.
     */
    public boolean fromCache() {
        return fromCache;
    }

    /** Returns whether a stored entry was revalidated with upstream (a 304 answer). */
    public boolean revalidated() {
        return revalidated;
    }

    /** Returns whether the response is a stale stored entry (stale-while-revalidate or stale-if-error). */
    public boolean stale() {
        return stale;
    }

    /** Returns whether this caller shared an identical call already in flight (Apollo's {@code deduplicatedAgainstPreviousRequest}). */
    public boolean deduplicated() {
        return deduplicated;
    }

    /**
     * Returns a stage that completes when the cache write this response started has finished (Apollo's
     * {@code cacheWritePromise}); already complete when nothing was written. Never fails.
     */
    public CompletionStage<Void> cacheWrite() {
        return cacheWrite;
    }

    @Override
    public String toString() {
        return "DataSourceResponse{" + status + " " + url + (fromCache ? ", fromCache" : "")
                + (revalidated ? ", revalidated" : "") + (stale ? ", stale" : "") + (deduplicated ? ", deduplicated" : "")
                + ", " + body.length + " bytes}";
    }

    /** The pipeline's access to the flags that the public builder does not set. */
    private static final class Marks extends ResponseMarks {
        @Override
        public Builder fromCache(Builder builder, boolean stale) {
            builder.fromCache = true;
            builder.stale = stale;
            return builder;
        }

        @Override
        public Builder revalidated(Builder builder) {
            builder.revalidated = true;
            return builder;
        }

        @Override
        public Builder deduplicated(Builder builder) {
            builder.deduplicated = true;
            return builder;
        }

        @Override
        public byte[] body(DataSourceResponse response) {
            return response.body;
        }

        @Override
        public Builder cacheWrite(Builder builder, CompletionStage<Void> write) {
            builder.cacheWrite = write;
            return builder;
        }
    }

    /**
     * Builds a {@link DataSourceResponse}; not thread-safe. Transports and tests set what came over the wire; the
     * flags of how the pipeline obtained a response ({@link #fromCache()}, ...) are the pipeline's to set.
     */
    public static final class Builder {
        private URI url;
        private int status;
        private String statusText;
        private Headers headers = Headers.empty();
        private byte[] body;
        private boolean fromCache;
        private boolean revalidated;
        private boolean stale;
        private boolean deduplicated;
        private CompletionStage<Void> cacheWrite;

        private Builder() {
        }

        public Builder url(URI url) {
            this.url = url;
            return this;
        }

        public Builder status(int status) {
            this.status = status;
            return this;
        }

        public Builder statusText(String statusText) {
            this.statusText = statusText;
            return this;
        }

        public Builder headers(Headers headers) {
            this.headers = headers;
            return this;
        }

        /** Sets the body; the array is kept, not copied, so the caller must not change it afterwards. */
        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        public DataSourceResponse build() {
            return new DataSourceResponse(this);
        }
    }
}
