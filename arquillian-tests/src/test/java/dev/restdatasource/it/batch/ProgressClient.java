package dev.restdatasource.it.batch;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The progress API as a Rest Client data source ({@code @Inject @DataSource ProgressClient}); its URL comes from
 * {@code batch-progress/mp-rest/url}.
 */
@RegisterRestClient(configKey = "batch-progress")
@Path("progress")
@Produces(MediaType.APPLICATION_JSON)
public interface ProgressClient {
    /** One movie's progress, cacheable for 60 s. */
    @GET
    @Path("{id}")
    MovieProgress progress(@PathParam("id") String movieId);

    /** The batch endpoint: the progress of every movie asked, in one request, in the order asked. */
    @GET
    List<MovieProgress> progressOf(@QueryParam("movieId") List<String> movieIds);
}
