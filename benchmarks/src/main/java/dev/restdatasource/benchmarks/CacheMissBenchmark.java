package dev.restdatasource.benchmarks;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.internal.http.JdkHttpTransport;
import dev.restdatasource.store.InMemoryKeyValueCache;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * A cache miss through the whole pipeline versus a bare HTTP call.
 *
 * <p>The local upstream answers the ~1 KB movie with {@code Cache-Control: no-store}, so every call goes
 * upstream. Compares:
 * <ul>
 *   <li>{@link #pipelineMiss}: {@code get("movies/{id}", id).as(Movie.class)} on one long-lived
 *       {@link MoviesAPI} (config with an {@link InMemoryKeyValueCache} and the default transport, the shared
 *       JDK HttpClient): hooks, URL resolution, deduplication, a store read that misses, the upstream
 *       exchange, the storability decision (nothing stored), status check, JSON-B parse;</li>
 *   <li>{@link #pipelineMissNewDataSource}: the same with a new {@link MoviesAPI} per operation, as in real
 *       use (one data source per GraphQL request);</li>
 *   <li>{@link #bareHttpClientAndParse}, the baseline: a JDK {@link HttpClient} built with the settings of
 *       {@link JdkHttpTransport#create} (HTTP/1.1, no redirects, 10 s connect timeout), a GET with the 30 s
 *       default request timeout to the same upstream, body as byte[], and the same JSON-B parse into the
 *       same {@link Movie} class.</li>
 * </ul>
 * The goal is a pipeline miss within 1.1x of the baseline. Single-threaded; average time per call in µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class CacheMissBenchmark {
    private static final String ID = "1";

    private MovieUpstream upstream;
    private DataSourceConfig config;
    private String baseURL;
    private MoviesAPI api;

    private HttpClient client;
    private URI movieURI;
    private Jsonb jsonb;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        upstream = MovieUpstream.start("no-store");
        baseURL = upstream.url();
        config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create()).build();
        api = new MoviesAPI(config, baseURL);

        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(JdkHttpTransport.DEFAULT_CONNECT_TIMEOUT)
                .build();
        movieURI = URI.create(baseURL + "movies/" + ID);
        jsonb = JsonbBuilder.create();

        MovieUpstream.checkParsed(pipelineMiss());
        MovieUpstream.checkParsed(pipelineMissNewDataSource());
        MovieUpstream.checkParsed(bareHttpClientAndParse());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        upstream.close();
        jsonb.close();
    }

    /** A miss through the pipeline of one long-lived data source. */
    @Benchmark
    public Movie pipelineMiss() {
        return api.getMovie(ID);
    }

    /** A miss through the pipeline of a data source made for this operation (one per GraphQL request). */
    @Benchmark
    public Movie pipelineMissNewDataSource() {
        return new MoviesAPI(config, baseURL).getMovie(ID);
    }

    /** Baseline: a bare JDK HttpClient GET plus a JSON-B parse into the same class. */
    @Benchmark
    public Movie bareHttpClientAndParse() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(movieURI)
                .timeout(DataSourceConfig.DEFAULT_REQUEST_TIMEOUT)
                .GET()
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Upstream answered " + response.statusCode());
        }
        return jsonb.fromJson(new ByteArrayInputStream(response.body()), Movie.class);
    }
}
