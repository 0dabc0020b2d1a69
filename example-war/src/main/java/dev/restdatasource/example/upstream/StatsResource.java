package dev.restdatasource.example.upstream;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /upstream/stats}: how many requests each upstream path received, e.g.
 * {@code {"GET /movies/1": 1}}. {@code DELETE /upstream/stats} resets the counts.
 */
@Path("stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {
    @Inject
    UpstreamCounter counter;

    @GET
    public Response counts() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(counter.snapshot()).cacheControl(noStore).build();
    }

    @DELETE
    public Response reset() {
        counter.reset();
        return Response.noContent().build();
    }
}
