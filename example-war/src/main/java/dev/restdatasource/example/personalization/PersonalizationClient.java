package dev.restdatasource.example.personalization;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The personalization service, Rest Client interface style. Its URL and timeouts are the usual
 * {@code personalization/mp-rest/*} keys. Used as {@code @Inject @DataSource PersonalizationClient} once the CDI
 * integration lands, so its calls run through the data-source pipeline (shared cache: the answers are
 * {@code private}, so they are not shared between users; per-request deduplication; GraphQL error codes), with
 * {@link AuthorizationFilter} adding the caller's token.
 */
@RegisterRestClient(configKey = "personalization")
@Produces(MediaType.APPLICATION_JSON)
public interface PersonalizationClient {
    /** The signed-in user's favorite movie ids. */
    @GET
    @Path("favorites")
    List<String> favorites();

    /** One movie's progress. */
    @GET
    @Path("progress/{movieId}")
    CompletionStage<Progress> progress(@PathParam("movieId") String movieId);

    /** The batch endpoint: progress for several movies in one request, in the order asked. */
    @GET
    @Path("progress")
    CompletionStage<List<Progress>> progress(@QueryParam("movieId") List<String> movieIds);
}
