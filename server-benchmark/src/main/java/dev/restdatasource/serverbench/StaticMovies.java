package dev.restdatasource.serverbench;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Variant {@code static}: the catalogue held in memory, read once from {@code movies.json} (the same document the
 * benchmark's nginx serves, one movie per URL). What the GraphQL server costs with no data source at all: the
 * floor a perfect cache could reach.
 */
@ApplicationScoped
public class StaticMovies implements MovieSource {
    private Map<String, Movie> movies;

    /** Used by CDI. */
    public StaticMovies() {
    }

    @PostConstruct
    void load() {
        try (InputStream in = StaticMovies.class.getResourceAsStream("/movies.json"); Jsonb jsonb = JsonbBuilder.create()) {
            Movie[] list = jsonb.fromJson(in, Movie[].class);
            movies = Arrays.stream(list).collect(Collectors.toUnmodifiableMap(Movie::getId, Function.identity()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read movies.json", e);
        }
    }

    @Override
    public Movie movie(String id) {
        return movies.get(id);
    }

    @Override
    public CompletionStage<Movie> movieAsync(String id) {
        return CompletableFuture.completedFuture(movies.get(id));
    }

    @Override
    public Movie movieNoCache(String id) {
        return movies.get(id);
    }
}
