package dev.restdatasource.it.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The upstream movies and profile API, with the caching and auth rules of a real one, counting what it receives
 * ({@code GET /upstream/counts/<path>}).
 *
 * <ul>
 * <li>{@code movies/{id}}: public for 60 s, with an ETag;</li>
 * <li>{@code fresh/{id}}: public for 1 s, with an ETag; a matching {@code If-None-Match} gets 304;</li>
 * <li>{@code uncached/{id}}: {@code no-store}, answers after 300 ms (so identical calls overlap);</li>
 * <li>{@code profile}: needs a bearer token, {@code private, max-age=60}, {@code Vary: Authorization};</li>
 * <li>{@code account}: needs a bearer token, {@code max-age=60} (authenticated, not public);</li>
 * <li>{@code echo}: {@code no-store}, returns the Authorization, X-Filtered-By and X-User-Attribute headers it received;</li>
 * <li>{@code status/{code}}: answers that status; {@code slow}: answers after 5 s (counted at start and end).</li>
 * </ul>
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class UpstreamResource {
    private static final String BEARER = "Bearer ";

    @Inject
    UpstreamCounters counters;

    /** A movie, cacheable by shared caches for 60 s. */
    @GET
    @Path("movies/{id}")
    public Response movie(@PathParam("id") String id) {
        counters.request("movies/" + id);
        return Response.ok(Movies.movie(id, "Movie " + id))
                .header("Cache-Control", "public, max-age=60")
                .header("ETag", "\"movie-" + id + "\"")
                .header("Vary", "Accept-Encoding")
                .build();
    }

    /** A movie fresh for one second only, then revalidated with its ETag. */
    @GET
    @Path("fresh/{id}")
    public Response fresh(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        String path = "fresh/" + id;
        counters.request(path);
        String etag = "\"fresh-" + id + "-v1\"";
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            counters.notModified(path);
            return Response.notModified().header("ETag", etag).header("Cache-Control", "public, max-age=1").build();
        }
        return Response.ok(Movies.movie(id, "Fresh " + id))
                .header("Cache-Control", "public, max-age=1")
                .header("ETag", etag)
                .build();
    }

    /** A movie that must never be stored, answered slowly so that identical calls overlap. */
    @GET
    @Path("uncached/{id}")
    public Response uncached(@PathParam("id") String id) throws InterruptedException {
        counters.request("uncached/" + id);
        Thread.sleep(300);
        return Response.ok(Movies.movie(id, "Uncached " + id)).header("Cache-Control", "no-store").build();
    }

    /** The caller's profile: private to the token's user. */
    @GET
    @Path("profile")
    public Response profile(@HeaderParam("Authorization") String authorization) {
        counters.request("profile");
        String user = user(authorization);
        if (user == null) {
            return unauthorized();
        }
        return Response.ok(new Profile(user, "profile secret of " + user))
                .header("Cache-Control", "private, max-age=60")
                .header("Vary", "Authorization")
                .build();
    }

    /** The caller's account: fresh for 60 s but requested with credentials, so not for shared caches. */
    @GET
    @Path("account")
    public Response account(@HeaderParam("Authorization") String authorization) {
        counters.request("account");
        String user = user(authorization);
        if (user == null) {
            return unauthorized();
        }
        return Response.ok(new Profile(user, "account secret of " + user))
                .header("Cache-Control", "max-age=60")
                .build();
    }

    /** Returns the headers the data source sent. */
    @GET
    @Path("echo")
    public Response echo(@HeaderParam("Authorization") String authorization,
                         @HeaderParam("X-Filtered-By") String filteredBy,
                         @HeaderParam("X-User-Attribute") String userAttribute) {
        counters.request("echo");
        return Response.ok(new Echo(authorization, filteredBy, userAttribute)).header("Cache-Control", "no-store").build();
    }

    /** Answers {@code code} with a small JSON error body. */
    @GET
    @Path("status/{code}")
    public Response status(@PathParam("code") int code) {
        counters.request("status/" + code);
        return Response.status(code).entity(Map.of("error", "upstream says " + code)).build();
    }

    /**
     * Answers after 5 s, longer than the data sources' 2 s timeout; counted as {@code slow} when it starts and as
     * {@code slow-answered} when it ends, so a test can wait for it to end before its application is undeployed.
     */
    @GET
    @Path("slow")
    public Response slow() throws InterruptedException {
        counters.request("slow");
        try {
            Thread.sleep(5_000);
            return Response.ok(Movies.movie("slow", "Too late")).build();
        } finally {
            counters.request("slow-answered");
        }
    }

    /** The counts of one path, e.g. {@code counts/movies/42}; not counted itself. */
    @GET
    @Path("counts/{path: .+}")
    public Counts counts(@PathParam("path") String path) {
        return counters.of(path);
    }

    private static String user(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER) || authorization.length() == BEARER.length()) {
            return null;
        }
        return authorization.substring(BEARER.length());
    }

    private static Response unauthorized() {
        return Response.status(401).header("WWW-Authenticate", "Bearer").entity(Map.of("error", "no token")).build();
    }
}
