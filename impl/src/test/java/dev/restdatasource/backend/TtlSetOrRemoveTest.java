package dev.restdatasource.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The skeleton every store's {@code set} runs: which of the store's calls a ttl selects, and the null checks. */
class TtlSetOrRemoveTest {
    private static final byte[] VALUE = {1};

    @Test
    void aZeroOrNegativeTtlRemovesAPositiveOrNullOneWrites() {
        assertEquals("remove", Ttl.setOrRemove("k", VALUE, Duration.ZERO, () -> "remove", () -> "write"));
        assertEquals("remove", Ttl.setOrRemove("k", VALUE, Duration.ofMillis(-1), () -> "remove", () -> "write"));
        assertEquals("write", Ttl.setOrRemove("k", VALUE, Duration.ofNanos(1), () -> "remove", () -> "write"));
        assertEquals("write", Ttl.setOrRemove("k", VALUE, null, () -> "remove", () -> "write"));
    }

    @Test
    void aNullKeyOrValueFailsBeforeAnyStoreCall() {
        assertEquals("key", assertThrows(NullPointerException.class, () -> Ttl.setOrRemove(null, VALUE, null,
                () -> { throw new AssertionError("called"); }, () -> { throw new AssertionError("called"); }))
                .getMessage());
        assertEquals("value", assertThrows(NullPointerException.class, () -> Ttl.setOrRemove("k", null,
                Duration.ZERO, () -> { throw new AssertionError("called"); },
                () -> { throw new AssertionError("called"); })).getMessage());
    }
}
