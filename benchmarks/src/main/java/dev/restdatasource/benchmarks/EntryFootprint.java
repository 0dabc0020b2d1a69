package dev.restdatasource.benchmarks;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.RESTDataSource;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The heap one cached response takes in the in-memory store, measured, not estimated: a data source with an
 * {@link InMemoryKeyValueCache} fetches {@value #ENTRIES} different URLs from the local {@link MovieUpstream} (each
 * answer the ~1 KB movie with {@code Cache-Control: max-age=3600}), so each is stored exactly as the pipeline stores
 * it; the live heap is taken from a class histogram (the JVM's {@code GC.class_histogram}, which runs a full GC
 * first) before and after, and the difference is divided by the number of entries. The store stays reachable until
 * the second histogram. Run with {@code java -cp benchmarks.jar dev.restdatasource.benchmarks.EntryFootprint}; prints
 * the bytes per entry and the classes that make them up.
 */
public final class EntryFootprint {
    private static final int ENTRIES = 10_000;
    private static final int WARM_UP = 200;

    private EntryFootprint() {
    }

    /** Measures and prints; no arguments. */
    public static void main(String[] args) throws Exception {
        try (MovieUpstream upstream = MovieUpstream.start("max-age=3600")) {
            InMemoryKeyValueCache store = InMemoryKeyValueCache.create();
            DataSourceConfig config = DataSourceConfig.builder().cache(store).build();
            Fetcher api = new Fetcher(config, upstream.url());
            for (int i = 0; i < WARM_UP; i++) {
                api.store("w" + i); // the transport, the pipeline and JSON-B are made and warm before the first histogram
            }
            store.clear();
            Map<String, long[]> before = histogram();
            for (int i = 0; i < ENTRIES; i++) {
                api.store(Integer.toString(100_000 + i)); // same key length for every entry
            }
            Map<String, long[]> after = histogram();
            long weight = store.weightedSizeBytes();
            long total = after.get("Total")[1] - before.get("Total")[1];
            System.out.printf("entries: %d, body %d bytes, store weight %.1f bytes/entry%n", ENTRIES, MovieUpstream.BODY.length,
                    (double) weight / ENTRIES);
            System.out.printf("retained heap: %.1f bytes/entry%n", (double) total / ENTRIES);
            after.entrySet().stream()
                    .filter(e -> !e.getKey().equals("Total"))
                    .map(e -> Map.entry(e.getKey(), e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]))
                    .filter(e -> Math.abs(e.getValue()) >= ENTRIES)
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> System.out.printf("  %8.1f  %s%n", (double) e.getValue() / ENTRIES, e.getKey()));
            if (api.store("check") == null) {
                throw new IllegalStateException("unreachable"); // keeps the store reachable until here
            }
        }
    }

    /** Class name to {instances, bytes} of the live heap, plus "Total". */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            } else if (parts.length == 3 && parts[0].equals("Total")) {
                classes.put("Total", new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return classes;
    }

    /** Fetches a movie and waits until the cache has stored it. */
    private static final class Fetcher extends RESTDataSource {
        Fetcher(DataSourceConfig config, String baseURL) {
            super(config);
            setBaseURL(baseURL);
        }

        DataSourceResponse store(String id) {
            DataSourceResponse response = get("movies/{id}", id).fetch();
            response.cacheWrite().toCompletableFuture().join();
            return response;
        }
    }
}
