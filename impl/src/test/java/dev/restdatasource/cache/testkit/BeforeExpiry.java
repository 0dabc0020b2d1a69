package dev.restdatasource.cache.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

/**
 * Proves that an entry with a short ttl is readable before the ttl ends, without a wall-clock window: the read
 * counts only when it completed within the ttl, measured from before the write. A machine too busy for that is
 * not a failure: the entry is written again under a fresh key with twice the ttl. Stateless.
 */
public final class BeforeExpiry {
    /** Writes before giving up; the ttl doubles with each one (1 s grows to 32 s). */
    private static final int ATTEMPTS = 6;

    private BeforeExpiry() {
    }

    /** One write of {@code value} under {@code key} with {@code ttl}, then one read of it (from any node). */
    @FunctionalInterface
    public interface WriteThenRead {
        /** Writes, waits for the write, reads and returns what was read ({@code null} when absent). */
        byte[] run(String key, Duration ttl) throws Exception;
    }

    /** The key whose entry was seen before its ttl, with that ttl. */
    public record Seen(String key, Duration ttl) {
    }

    /**
     * Writes {@code value} with {@code ttl} under {@code key}, then {@code key + "-2"}, ... until one read completes
     * within its ttl; that read must return {@code value}. A read that completed in time and saw nothing, or saw
     * something else, fails with {@code what}.
     */
    public static Seen writeAndSee(String key, Duration ttl, byte[] value, WriteThenRead attempt, String what)
            throws Exception {
        Duration current = ttl;
        for (int i = 1; i <= ATTEMPTS; i++) {
            String k = i == 1 ? key : key + "-" + i;
            long start = System.nanoTime();
            byte[] read = attempt.run(k, current);
            boolean inTime = System.nanoTime() - start < current.toNanos();
            if (read != null) {
                assertArrayEquals(value, read, what);
                return new Seen(k, current);
            }
            if (inTime) {
                fail(what + ": absent although read within its ttl of " + current);
            }
            current = current.multipliedBy(2);
        }
        return fail(what + ": no write and read completed within the ttl, even at " + current.dividedBy(2));
    }
}
