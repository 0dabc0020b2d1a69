package dev.restdatasource.it.appcache;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /upstream/cache-stats}: the reads and writes {@link CountingCache} received. */
@Path("cache-stats")
public class CacheStatsResource {
    @Inject
    CountingCache cache;

    /** Returns {@code {"gets": n, "sets": m}}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> stats() {
        return Map.of("gets", cache.gets(), "sets", cache.sets());
    }
}
