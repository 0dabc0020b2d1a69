package dev.restdatasource.example.personalization;

import dev.restdatasource.DataSource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small DataLoader for {@code Movie.progress}, one per GraphQL request: resolvers that return lists of movies
 * announce their ids with {@link #expect}; the first {@link #load} then asks the personalization service's batch
 * endpoint for every announced id not loaded yet, in ONE upstream request, and later loads are answered from it.
 *
 * <p>Why not SmallRye's own batching ({@code public List<Progress> progress(@Source List<Movie> movies)})? Open
 * Liberty 26.0.0.3's mpGraphQL-2.0 builds its {@code ExecutionService} without the schema's batch operations
 * ({@code GraphQLServletContainerInitializer} passes null), so no DataLoader is ever registered and every
 * {@code @Source List} resolver fails with a NullPointerException. Thread-safe.
 */
@RequestScoped
public class ProgressLoader {
    @Inject
    @DataSource
    PersonalizationClient personalization;

    private final Set<String> expected = new LinkedHashSet<>();
    private final Map<String, Progress> loaded = new HashMap<>();

    /** Announces movies whose progress may be asked for in this request; makes no upstream call. */
    public synchronized void expect(Collection<String> movieIds) {
        for (String id : movieIds) {
            if (!loaded.containsKey(id)) {
                expected.add(id);
            }
        }
    }

    /** Returns one movie's progress, loading it with every announced movie in one batch request if needed. */
    public synchronized Progress load(String movieId) {
        if (!loaded.containsKey(movieId)) {
            expected.add(movieId);
            List<String> batch = new ArrayList<>(expected);
            expected.clear();
            for (Progress p : personalization.progressOf(batch)) {
                loaded.put(p.getMovieId(), p);
            }
            for (String id : batch) {
                loaded.putIfAbsent(id, null); // asked and not answered: not asked again in this request
            }
        }
        return loaded.get(movieId);
    }
}
