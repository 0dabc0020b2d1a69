package dev.restdatasource.it.ft;

import dev.restdatasource.example.movies.Movie;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A {@code @DataSource} Rest Client with a retried method, over the application's upstream ({@code profiles/mp-rest/url}). */
@RegisterRestClient(configKey = "profiles")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface FaultTolerantClient {
    /** Answered 503 the first time for each id, then 200: one retry succeeds. */
    @GET
    @Path("ft/flaky/{id}")
    @Retry(maxRetries = 2, delay = 0, jitter = 0)
    Movie flaky(@PathParam("id") String id);
}
