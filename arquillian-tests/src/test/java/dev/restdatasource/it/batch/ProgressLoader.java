package dev.restdatasource.it.batch;

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
 * A DataLoader for {@code BatchMovie.progress}, one per GraphQL request (the pattern of the example's
 * ProgressLoader): a resolver returning movies announces their ids with {@link #expect}; the first {@link #load}
 * fetches every announced id not loaded yet in ONE call of the batch endpoint; later loads are answered from it.
 */
@RequestScoped
public class ProgressLoader {
    @Inject
    @DataSource
    ProgressClient client;

    private final Set<String> expected = new LinkedHashSet<>();
    private final Map<String, MovieProgress> loaded = new HashMap<>();

    /** Announces movies whose progress may be asked for in this request; no upstream call. */
    public synchronized void expect(Collection<String> movieIds) {
        for (String id : movieIds) {
            if (!loaded.containsKey(id)) {
                expected.add(id);
            }
        }
    }

    /** Returns one movie's progress, loading it with every announced movie in one batch call if needed. */
    public synchronized MovieProgress load(String movieId) {
        if (!loaded.containsKey(movieId)) {
            expected.add(movieId);
            List<String> batch = new ArrayList<>(expected);
            expected.clear();
            for (MovieProgress p : client.progressOf(batch)) {
                loaded.put(p.getMovieId(), p);
            }
            for (String id : batch) {
                loaded.putIfAbsent(id, null); // asked and not answered: not asked again in this request
            }
        }
        return loaded.get(movieId);
    }
}
