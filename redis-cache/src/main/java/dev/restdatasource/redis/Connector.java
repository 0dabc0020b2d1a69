package dev.restdatasource.redis;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The store's one connection, opened without blocking: the first {@link #link()} (the factory's) starts Lettuce's
 * asynchronous connect and every call until it completes waits on it (bounded by the engine's cache timeout). When that connect fails (Redis
 * is down while the application starts) calls fail until {@link #RETRY_NANOS} have passed, then the next call
 * connects again. Once connected, Lettuce's own auto-reconnect keeps the connection alive across server restarts.
 *
 * <p>Thread-safe. {@link #close()} closes the connection it opened, also one that is still being opened.
 */
final class Connector implements AutoCloseable {
    /** How long after a failed first connect the next call tries again: 1 s. */
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** An open connection and its asynchronous commands (standalone, Sentinel or cluster). */
    record Link(StatefulConnection<String, byte[]> connection, RedisClusterAsyncCommands<String, byte[]> commands) {
    }

    private final Supplier<CompletionStage<Link>> connect;
    private final LongSupplier nanoTime;
    private CompletableFuture<Link> current;
    private long failedAt;
    private boolean closed;

    Connector(Supplier<CompletionStage<Link>> connect, LongSupplier nanoTime) {
        this.connect = connect;
        this.nanoTime = nanoTime;
    }

    /** A connector over an already open connection. */
    static Connector open(Link link) {
        Connector connector = new Connector(() -> CompletableFuture.completedFuture(link), System::nanoTime);
        connector.current = CompletableFuture.completedFuture(link);
        return connector;
    }

    /** The connection, or the connect in progress; a failed stage while the last connect failed recently. */
    synchronized CompletionStage<Link> link() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Redis store is closed"));
        }
        boolean retry = current != null && current.isCompletedExceptionally()
                && nanoTime.getAsLong() - failedAt >= RETRY_NANOS;
        if (current == null || retry) {
            CompletableFuture<Link> attempt;
            try {
                attempt = connect.get().toCompletableFuture()
                        .exceptionallyCompose(failure -> CompletableFuture.failedFuture(explained(failure)));
            } catch (RuntimeException thrown) {
                attempt = CompletableFuture.failedFuture(thrown);
            }
            current = attempt;
            attempt.whenComplete((link, failure) -> {
                if (failure != null) {
                    markFailed();
                }
            });
        }
        return current;
    }

    /**
     * A failed connect whose message also gives the innermost cause: Lettuce's own says only "Unable to connect to
     * host:port", and the reason (WRONGPASS, NOAUTH, a certificate Java does not trust) is what the engine's WARNING
     * line must show. The type stays {@link RedisConnectionException} when it was one.
     */
    static Throwable explained(Throwable failure) {
        Throwable outer = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        Throwable root = outer;
        for (int depth = 0; depth < 20 && root.getCause() != null && root.getCause() != root; depth++) {
            root = root.getCause();
        }
        if (root == outer || !(outer instanceof RedisConnectionException)) {
            return outer;
        }
        return new RedisConnectionException(outer.getMessage() + ": " + root, outer);
    }

    /** The open connection, or {@code null} while none is open (for tests and health checks). */
    synchronized StatefulConnection<String, byte[]> openConnection() {
        Link link = current != null && current.isDone() && !current.isCompletedExceptionally() ? current.join() : null;
        return link != null && link.connection().isOpen() ? link.connection() : null;
    }

    private synchronized void markFailed() {
        failedAt = nanoTime.getAsLong();
    }

    /** Closes the connection (once it is open, if it is still opening). Idempotent. */
    @Override
    public void close() {
        CompletableFuture<Link> last;
        synchronized (this) {
            closed = true;
            last = current;
        }
        if (last != null) {
            last.thenAccept(link -> link.connection().close());
        }
    }
}
