package dev.restdatasource.it.body;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * A {@code @DataSource} Rest Client whose request body needs its own writer and interceptor, over the application's
 * upstream ({@code profiles/mp-rest/url}).
 */
@RegisterRestClient(configKey = "profiles")
@RegisterProvider(RatingWriter.class)
@RegisterProvider(VersionInterceptor.class)
@Path("/")
public interface RatingsClient {
    /** Sends a rating; the upstream answers what it received. */
    @POST
    @Path("body/ratings")
    @Consumes(Rating.MEDIA_TYPE)
    @Produces(MediaType.TEXT_PLAIN)
    String rate(Rating rating);
}
