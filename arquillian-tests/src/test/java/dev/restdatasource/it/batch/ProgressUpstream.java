package dev.restdatasource.it.batch;

import dev.restdatasource.it.app.UpstreamCounters;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The upstream progress API, under {@code /upstream/progress}, counting in {@link UpstreamCounters}:
 *
 * <ul>
 * <li>{@code progress/{id}}: one movie's progress, public for 60 s; counted as {@code progress/<id>};</li>
 * <li>{@code progress?movieId=a&movieId=b}: the batch endpoint, {@code no-store}, answers in the order asked; each
 * call is counted once as {@code progress-batch/<ids joined by commas>} and once per id as
 * {@code progress-batch-item/<id>}, so a test can tell one call for five ids from five calls for one.</li>
 * </ul>
 */
@Path("progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressUpstream {
    @Inject
    UpstreamCounters counters;

    /** One movie's progress. */
    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        counters.request("progress/" + id);
        return Response.ok(MovieProgress.of(id)).header("Cache-Control", "public, max-age=60").build();
    }

    /** The progress of several movies in one request. */
    @GET
    public Response batch(@QueryParam("movieId") List<String> movieIds) {
        counters.request("progress-batch/" + String.join(",", movieIds));
        for (String id : movieIds) {
            counters.request("progress-batch-item/" + id);
        }
        List<MovieProgress> answer = movieIds.stream().map(MovieProgress::of).toList();
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }
}
