package dev.restdatasource.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class StoreHealthCheckTest {
    private static final StoreReport DOWN_STORE = new StoreReport("redis", "h:6379", StoreState.UNREACHABLE);

    @Test
    void outageKeepsReadinessUpByDefaultAndShowsTheState() {
        HealthCheckResponse response = StoreHealthCheck.response(DOWN_STORE, false);
        assertEquals("restdatasource-cache-store", response.getName());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(Map.of("store", "redis", "address", "h:6379", "state", "unreachable", "outage-fails-readiness", false),
                response.getData().orElseThrow());
    }

    @Test
    void outageMakesReadinessDownWhenStrict() {
        assertEquals(HealthCheckResponse.Status.DOWN, StoreHealthCheck.response(DOWN_STORE, true).getStatus());
        StoreReport open = new StoreReport("redis", "h:6379", StoreState.CIRCUIT_OPEN);
        HealthCheckResponse response = StoreHealthCheck.response(open, true);
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("circuit-open", response.getData().orElseThrow().get("state"));
    }

    @Test
    void upStoreIsUpWhenStrict() {
        StoreReport up = new StoreReport("in-memory", "in-process", StoreState.UP);
        assertEquals(HealthCheckResponse.Status.UP, StoreHealthCheck.response(up, true).getStatus());
    }

    @Test
    void healthApiIsDetectedByClassName() {
        assertTrue(HealthChecks.available(), "the API is on the test class path");
        assertFalse(HealthChecks.loadable("org.eclipse.microprofile.health.Absent", getClass().getClassLoader()));
    }
}
