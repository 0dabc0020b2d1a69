package dev.restdatasource.example.upstream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Failures on demand, for trying the GraphQL error codes: {@code /status/503}, {@code /slow/3000}. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class FailuresResource {
    @GET
    @Path("status/{code}")
    public Response status(@PathParam("code") int code) {
        if (code < 200 || code > 599) {
            code = 400;
        }
        return Response.status(code)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Map.of("error", "status " + code + " on request", "internal", "upstream detail"))
                .build();
    }

    @GET
    @Path("slow/{millis}")
    public Response slow(@PathParam("millis") long millis) throws InterruptedException {
        Thread.sleep(Math.min(Math.max(millis, 0), 30_000));
        return Response.ok(Map.of("sleptMillis", millis)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
