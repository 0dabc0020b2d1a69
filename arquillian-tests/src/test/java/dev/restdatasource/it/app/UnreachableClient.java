package dev.restdatasource.it.app;

import dev.restdatasource.example.movies.Movie;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A Rest Client data source whose configured URL ({@code restdatasource.unreachable-client.url}) refuses connections. */
@RegisterRestClient(configKey = "unreachable-client")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface UnreachableClient {
    /** Fails: nothing listens at the configured URL. */
    @GET
    @Path("movies/{id}")
    Movie movie(@PathParam("id") String id);
}
