package dev.restdatasource.it.ft;

import dev.restdatasource.example.movies.Movie;
import dev.restdatasource.it.app.Movies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A {@code @DataSource} Rest Client whose upstream is down (nothing listens on 127.0.0.1:1), with fallbacks. */
@RegisterRestClient(configKey = "ft-down", baseUri = "http://127.0.0.1:1/")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface DownClient {
    /** Falls back to {@link NoMovie}. */
    @GET
    @Path("movies/{id}")
    @Fallback(NoMovie.class)
    Movie movie(@PathParam("id") String id);

    /** Falls back to the default method {@link #placeholder}. */
    @GET
    @Path("movies/{id}")
    @Fallback(fallbackMethod = "placeholder")
    Movie movieOrPlaceholder(@PathParam("id") String id);

    /** The fallback method of {@link #movieOrPlaceholder}. */
    default Movie placeholder(String id) {
        return Movies.movie(id, "Placeholder " + id);
    }
}
