package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The record of a client's idle connections follows the JDK pool's first-in, first-out order, per pool. */
class IdleConnectionsTest {
    private static final String POOL = "http://upstream:80";
    private final AtomicLong now = new AtomicLong();
    private final IdleConnections idle = new IdleConnections(Duration.ofSeconds(4), now::get);

    @Test
    void anEmptyPoolOpensAFreshConnection() {
        assertFalse(idle.mayGiveOutIdle(POOL));
    }

    @Test
    void aConnectionIdleUpToTheLimitMayServe() {
        idle.giveBack(POOL);
        advance(4);
        assertFalse(idle.mayGiveOutIdle(POOL));
    }

    @Test
    void aConnectionIdleBeyondTheLimitMayNot() {
        idle.giveBack(POOL);
        advance(5);
        assertTrue(idle.mayGiveOutIdle(POOL));
    }

    @Test
    void theConnectionReturnedFirstIsTheOneGivenOutNext() {
        idle.giveBack(POOL);
        advance(3);
        idle.giveBack(POOL);
        advance(2); // the first is idle for 5 seconds, the second for 2
        assertTrue(idle.mayGiveOutIdle(POOL));
        idle.take(POOL);
        // The oldest one was given out to a call that may be repeated: the client may have handed it to another.
        assertTrue(idle.mayGiveOutIdle(POOL));
    }

    @Test
    void takingTheFreshOnesLeavesNoIdleConnection() {
        idle.giveBack(POOL);
        idle.giveBack(POOL);
        advance(1);
        idle.take(POOL);
        idle.take(POOL);
        advance(10);
        assertFalse(idle.mayGiveOutIdle(POOL));
    }

    @Test
    void poolsAreApart() {
        idle.giveBack(POOL);
        advance(5);
        assertFalse(idle.mayGiveOutIdle("https://other:443"));
    }

    private void advance(long seconds) {
        now.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }
}
