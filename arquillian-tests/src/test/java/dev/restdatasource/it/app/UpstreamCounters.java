package dev.restdatasource.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts, per upstream path (e.g. {@code movies/42}), the requests the upstream received and its 304 answers. */
@ApplicationScoped
public class UpstreamCounters {
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();

    /** Counts one request of {@code path}. */
    public void request(String path) {
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    /** Counts one 304 answer for {@code path}. */
    public void notModified(String path) {
        notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    /** Returns the counts of {@code path}; zero when it was never requested. */
    public Counts of(String path) {
        AtomicInteger r = requests.get(path);
        AtomicInteger n = notModified.get(path);
        return new Counts(r == null ? 0 : r.get(), n == null ? 0 : n.get());
    }
}
