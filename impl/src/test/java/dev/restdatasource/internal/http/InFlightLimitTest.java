package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-flight limit runs at most its maximum at once, queues the rest in order and never refuses one. */
class InFlightLimitTest {
    private final List<CompletableFuture<Void>> started = new ArrayList<>();

    private CompletableFuture<?> startOne() {
        CompletableFuture<Void> stage = new CompletableFuture<>();
        started.add(stage);
        return stage;
    }

    @Test
    void runsUpToTheMaximumAndStartsTheNextWaitingOneWhenOneEnds() {
        InFlightLimit limit = new InFlightLimit(2);
        for (int i = 0; i < 5; i++) {
            limit.submit(this::startOne);
        }
        assertEquals(2, started.size());
        assertEquals(2, limit.running());
        assertEquals(3, limit.waiting());

        started.get(1).complete(null);
        assertEquals(3, started.size());
        started.get(0).completeExceptionally(new IllegalStateException("a failed exchange frees its slot too"));
        assertEquals(4, started.size());
        assertEquals(1, limit.waiting());
        assertEquals(2, limit.running());

        started.get(2).complete(null);
        started.get(3).complete(null);
        started.get(4).complete(null);
        assertEquals(5, started.size());
        assertEquals(0, limit.running());
        assertEquals(0, limit.waiting());
    }

    @Test
    void anExchangeThatStartsNothingFreesItsSlotAtOnce() {
        InFlightLimit limit = new InFlightLimit(1);
        limit.submit(this::startOne);
        limit.submit(() -> null); // cancelled while it waited
        limit.submit(this::startOne);
        started.get(0).complete(null);
        assertEquals(2, started.size());
        assertEquals(1, limit.running());
    }

    @Test
    void manyWaitingExchangesThatEndAtOnceRunInALoopNotARecursion() {
        InFlightLimit limit = new InFlightLimit(1);
        limit.submit(this::startOne);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 100_000; i++) {
            limit.submit(() -> {
                ran.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            });
        }
        started.get(0).complete(null);
        assertEquals(100_000, ran.get());
        assertEquals(0, limit.running());
    }

    @Test
    void aMaximumBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InFlightLimit(0));
    }
}
