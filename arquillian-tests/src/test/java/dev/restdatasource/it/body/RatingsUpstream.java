package dev.restdatasource.it.body;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;

/** Upstream {@code body/ratings}: answers {@code <Content-Type>|<X-Written-By>|<X-Version>|<body>} as it received them. */
@Path("body")
public class RatingsUpstream {
    /** Echoes a rating request. */
    @POST
    @Path("ratings")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public String ratings(@HeaderParam("Content-Type") String type, @HeaderParam("X-Written-By") String writtenBy,
            @HeaderParam("X-Version") String version, byte[] body) {
        return type + "|" + writtenBy + "|" + version + "|" + new String(body, StandardCharsets.UTF_8);
    }
}
