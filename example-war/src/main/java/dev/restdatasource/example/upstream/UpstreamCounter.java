package dev.restdatasource.example.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the requests each upstream path received, so a cache hit can be seen from outside. Thread-safe. */
@ApplicationScoped
public class UpstreamCounter {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Counts one request, keyed {@code "GET /movies/1"} (path with query string). */
    public void count(String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** Returns a sorted copy of the counts. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Forgets every count. */
    public void reset() {
        counts.clear();
    }
}
