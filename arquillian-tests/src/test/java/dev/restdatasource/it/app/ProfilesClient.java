package dev.restdatasource.it.app;

import dev.restdatasource.example.movies.Movie;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Rest Client-style data source over the same upstream API, injected with {@code @Inject @DataSource}; its
 * URL comes from {@code profiles/mp-rest/url}.
 */
@RegisterRestClient(configKey = "profiles")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface ProfilesClient {
    /** The caller's private profile. */
    @GET
    @Path("profile")
    Profile profile();

    /** What upstream received. */
    @GET
    @Path("echo")
    Echo echo();

    /** A cacheable movie. */
    @GET
    @Path("movies/{id}")
    Movie movie(@PathParam("id") String id);

    /** A movie fresh for one second, revalidated with its ETag afterwards. */
    @GET
    @Path("fresh/{id}")
    Movie fresh(@PathParam("id") String id);

    /** An uncacheable, slow movie. */
    @GET
    @Path("uncached/{id}")
    CompletionStage<Movie> uncachedMovie(@PathParam("id") String id);

    /** An upstream answer with {@code code}. */
    @GET
    @Path("status/{code}")
    Movie status(@PathParam("code") int code);

    /** An upstream answer slower than the read timeout. */
    @GET
    @Path("slow")
    Movie slow();
}
