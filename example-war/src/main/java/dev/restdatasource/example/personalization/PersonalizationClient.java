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
 * The personalization service, MicroProfile Rest Client interface style. Injected as
 * {@code @Inject @DataSource PersonalizationClient}, its calls run through the data-source pipeline: the shared
 * HTTP cache (the service's answers are {@code private}, so the shared cache never keeps them and one user's
 * answer never reaches another), deduplication per GraphQL request, request filters ({@link AuthorizationFilter}
 * adds the caller's token; the data source's name is the configKey {@code personalization}) and error codes. Its
 * URL is {@code restdatasource.personalization.url} or the usual {@code personalization/mp-rest/url}; the other
 * {@code personalization/mp-rest/*} keys keep working.
 */
@RegisterRestClient(configKey = "personalization")
@Produces(MediaType.APPLICATION_JSON)
public interface PersonalizationClient {
    /** The signed-in user's favorite movie ids. */
    @GET
    @Path("favorites")
    List<String> favorites();

    /** One movie's progress: {@code GET progress/{movieId}}. */
    @GET
    @Path("progress/{movieId}")
    CompletionStage<Progress> progress(@PathParam("movieId") String movieId);

    /**
     * The batch endpoint: progress for several movies in one request, {@code GET progress?movieId=1&movieId=3},
     * in the order asked. Synchronous because a {@code @Source List} batch resolver is synchronous on Open
     * Liberty's SmallRye GraphQL 1.0.26.
     */
    @GET
    @Path("progress")
    List<Progress> progressOf(@QueryParam("movieId") List<String> movieIds);
}
