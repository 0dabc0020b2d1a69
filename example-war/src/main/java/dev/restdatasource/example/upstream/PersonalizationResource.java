package dev.restdatasource.example.upstream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The per-user personalization service. Every call needs {@code Authorization: Bearer <user>} with a known user
 * ({@code alice}, {@code bob}): none or an unknown token is a 401 with {@code WWW-Authenticate}, the user
 * {@code mallory} is a 403. Answers are {@code private} (never for a shared cache) and {@code Vary: Authorization}.
 */
@Path("personalization")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalizationResource {
    private static final Map<String, List<String>> FAVORITES = Map.of(
            "alice", List.of("1", "3", "5"),
            "bob", List.of("2", "4"),
            "mallory", List.of());
    private static final Map<String, Map<String, Integer>> PROGRESS = Map.of(
            "alice", Map.of("1", 100, "3", 42, "5", 7),
            "bob", Map.of("2", 55, "4", 100, "6", 12),
            "mallory", Map.of());

    @GET
    @Path("favorites")
    public Response favorites(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String user = user(authorization);
        Response refused = refuse(user);
        if (refused != null) {
            return refused;
        }
        return personal(FAVORITES.get(user), 30);
    }

    /** One movie's progress. */
    @GET
    @Path("progress/{movieId}")
    public Response progress(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("movieId") String movieId) {
        String user = user(authorization);
        Response refused = refuse(user);
        if (refused != null) {
            return refused;
        }
        return personal(new ProgressData(movieId, PROGRESS.get(user).getOrDefault(movieId, 0)), 10);
    }

    /** The batch endpoint: {@code GET progress?movieId=1&movieId=3}, answers in the order asked. */
    @GET
    @Path("progress")
    public Response progressBatch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("movieId") List<String> movieIds) {
        String user = user(authorization);
        Response refused = refuse(user);
        if (refused != null) {
            return refused;
        }
        Map<String, Integer> progress = PROGRESS.get(user);
        List<ProgressData> answer = movieIds.stream()
                .map(id -> new ProgressData(id, progress.getOrDefault(id, 0)))
                .toList();
        return personal(answer, 10);
    }

    private static String user(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return PROGRESS.containsKey(token) ? token : null;
    }

    private static Response refuse(String user) {
        if (user == null) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"personalization\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(Map.of("error", "a bearer token is required"))
                    .build();
        }
        if (user.equals("mallory")) {
            return Response.status(Response.Status.FORBIDDEN)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(Map.of("error", "not allowed"))
                    .build();
        }
        return null;
    }

    private static Response personal(Object entity, int maxAge) {
        return Response.ok(entity)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + maxAge)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }
}
