package dev.restdatasource.example.upstream;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public movie catalogue. Answers are the same for everyone, so they are {@code public} and cacheable by a
 * shared cache: one movie for 60 s, the most-viewed list for 30 s; both carry an ETag and answer a matching
 * {@code If-None-Match} with 304. An unknown id is a 404, cacheable for 10 s.
 */
@Path("movies")
@Produces(MediaType.APPLICATION_JSON)
public class MoviesResource {
    static final List<MovieData> MOVIES = List.of(
            new MovieData("1", "The Shawshank Redemption", 1994, 9_200_000),
            new MovieData("2", "The Godfather", 1972, 8_100_000),
            new MovieData("3", "The Dark Knight", 2008, 12_500_000),
            new MovieData("4", "Pulp Fiction", 1994, 7_600_000),
            new MovieData("5", "Spirited Away", 2001, 5_900_000),
            new MovieData("6", "Parasite", 2019, 6_800_000));
    static final Map<String, MovieData> BY_ID = MOVIES.stream()
            .collect(Collectors.toUnmodifiableMap(MovieData::id, Function.identity()));

    @GET
    @Path("{id}")
    public Response movie(@PathParam("id") String id, @Context Request request) {
        MovieData movie = BY_ID.get(id);
        if (movie == null) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Map.of("error", "no movie " + id))
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=10")
                    .build();
        }
        EntityTag etag = new EntityTag("movie-" + id + "-v1");
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").tag(etag).build();
        }
        return Response.ok(movie).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").tag(etag).build();
    }

    @GET
    public Response movies(@QueryParam("sort") @DefaultValue("id") String sort,
            @QueryParam("limit") @DefaultValue("10") int limit, @Context Request request) {
        if (limit < 1 || limit > 100 || !(sort.equals("id") || sort.equals("views"))) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "sort must be id or views, limit 1..100"))
                    .build();
        }
        Comparator<MovieData> order = sort.equals("views")
                ? Comparator.comparingLong(MovieData::views).reversed()
                : Comparator.comparing(MovieData::id);
        List<MovieData> page = MOVIES.stream().sorted(order).limit(limit).toList();
        EntityTag etag = new EntityTag("movies-" + sort + "-" + limit + "-v1");
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.header(HttpHeaders.CACHE_CONTROL, "public, max-age=30").tag(etag).build();
        }
        return Response.ok(page).header(HttpHeaders.CACHE_CONTROL, "public, max-age=30").tag(etag).build();
    }
}
