package dev.restdatasource.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.store.InMemoryKeyValueCache;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A cache hit through the whole pipeline versus the least a cache hit can cost.
 *
 * <p>Compares:
 * <ul>
 *   <li>{@link #pipelineHit}: {@code get("movies/{id}", id).as(Movie.class)} on one long-lived
 *       {@link MoviesAPI} whose {@link DataSourceConfig} has an {@link InMemoryKeyValueCache}; the entry was
 *       primed once from a real local upstream answering the ~1 KB body with {@code Cache-Control:
 *       max-age=3600}, so every call is served from the cache (hooks, URL resolution, deduplication, store
 *       read, entry decoding, freshness policy, status check, JSON-B parse);</li>
 *   <li>{@link #pipelineHitNewDataSource}: the same, but with a new {@link MoviesAPI} per operation, as in
 *       real use where one data source lives for one GraphQL request (its deduplication map is per
 *       instance, its engine is made on the first call);</li>
 *   <li>{@link #bareCaffeineAndParse}, the baseline: {@code getIfPresent} on a bare Caffeine
 *       {@code Cache<String, byte[]>} (bounded in bytes with a one-hour expiry, as a cache must be) holding
 *       the same 1 KB body, then a JSON-B parse of it into the same {@link Movie} class.</li>
 * </ul>
 * The goal is a pipeline hit within 2x of the baseline. Single-threaded; average time per call in µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class CacheHitBenchmark {
    private static final String ID = "1";

    private MovieUpstream upstream;
    private DataSourceConfig config;
    private String baseURL;
    private MoviesAPI api;

    private Cache<String, byte[]> bare;
    private Jsonb jsonb;
    private String bareKey;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        upstream = MovieUpstream.start("max-age=3600");
        baseURL = upstream.url();
        config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).build();
        api = new MoviesAPI(config, baseURL);
        api.getMovie(ID); // the one upstream call: stores the entry (in the background)
        awaitCached();

        bare = Caffeine.newBuilder()
                .maximumWeight(InMemoryKeyValueCache.DEFAULT_MAX_BYTES)
                .weigher((String key, byte[] value) -> value.length + 2 * key.length())
                .expireAfterWrite(Duration.ofHours(1))
                .build();
        bareKey = "httpcache:GET " + baseURL + "movies/" + ID;
        bare.put(bareKey, MovieUpstream.BODY.clone());
        jsonb = JsonbBuilder.create();

        MovieUpstream.checkParsed(pipelineHit());
        MovieUpstream.checkParsed(pipelineHitNewDataSource());
        MovieUpstream.checkParsed(bareCaffeineAndParse());
    }

    /** Waits until a call is answered from the cache: the store write of the priming call runs in the background. */
    private void awaitCached() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!new Probe(config, baseURL).fromCache(ID)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The primed entry never came from the cache");
            }
            Thread.sleep(10);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        upstream.close();
        jsonb.close();
    }

    /** A cache hit through the pipeline of one long-lived data source. */
    @Benchmark
    public Movie pipelineHit() {
        return api.getMovie(ID);
    }

    /** A cache hit through the pipeline of a data source made for this operation (one per GraphQL request). */
    @Benchmark
    public Movie pipelineHitNewDataSource() {
        return new MoviesAPI(config, baseURL).getMovie(ID);
    }

    /** Baseline: a bare Caffeine get of the body plus a JSON-B parse into the same class. */
    @Benchmark
    public Movie bareCaffeineAndParse() {
        return jsonb.fromJson(new ByteArrayInputStream(bare.getIfPresent(bareKey)), Movie.class);
    }

    /** A data source that tells whether the answer came from the cache. */
    private static final class Probe extends MoviesAPI {
        Probe(DataSourceConfig config, String baseURL) {
            super(config, baseURL);
        }

        boolean fromCache(String id) {
            return get("movies/{id}", id).fetch().fromCache();
        }
    }
}
