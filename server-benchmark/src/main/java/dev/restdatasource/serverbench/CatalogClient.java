package dev.restdatasource.serverbench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The upstream catalogue as a MicroProfile Rest Client interface, used two ways: {@code @Inject @RestClient} (a plain
 * Rest Client, no library involved: the variant {@code bare}, URL {@code catalog/mp-rest/url}) and {@code @Inject
 * @DataSource} (the library's second front end: the variant {@code rc}, URL {@code restdatasource.catalog.url}).
 */
@RegisterRestClient(configKey = "catalog")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {
    /** {@code GET movies/{id}}. */
    @GET
    @Path("movies/{id}")
    Movie movie(@PathParam("id") String id);

    /** {@code GET movies/{id}}, asynchronously. */
    @GET
    @Path("movies/{id}")
    CompletionStage<Movie> movieAsync(@PathParam("id") String id);

    /** {@code GET nocache/movies/{id}}. */
    @GET
    @Path("nocache/movies/{id}")
    Movie movieNoCache(@PathParam("id") String id);
}
