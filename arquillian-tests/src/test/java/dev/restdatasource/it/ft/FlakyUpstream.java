package dev.restdatasource.it.ft;

import dev.restdatasource.it.app.Movies;
import dev.restdatasource.it.app.UpstreamCounters;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Upstream {@code ft/flaky/{id}}: 503 to the first request of each id, then the movie; never cacheable; counted. */
@Path("ft")
@Produces(MediaType.APPLICATION_JSON)
public class FlakyUpstream {
    @Inject
    UpstreamCounters counters;

    /** A movie that is unavailable once. */
    @GET
    @Path("flaky/{id}")
    public Response flaky(@PathParam("id") String id) {
        String path = "ft/flaky/" + id;
        counters.request(path);
        if (counters.of(path).getRequests() == 1) {
            return Response.status(503).header("Cache-Control", "no-store").type(MediaType.TEXT_PLAIN).entity("busy").build();
        }
        return Response.ok(Movies.movie(id, "Flaky " + id)).header("Cache-Control", "no-store").build();
    }
}
