package dev.restdatasource.benchmarks;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.benchmarks.transports.ApacheAsyncTransport;
import dev.restdatasource.benchmarks.transports.JettyTransport;
import dev.restdatasource.internal.http.JdkHttpTransport;
import dev.restdatasource.spi.Transport;
import dev.restdatasource.spi.TransportRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The miss path's transport alone: the default {@link JdkHttpTransport} against two asynchronous clients for Java 17
 * (Apache HttpClient 5 async, Jetty 12 client), each sending a GET to the local upstream (the ~1 KB movie,
 * {@code Cache-Control: no-store}) and reading the whole body into a {@link DataSourceResponse}.
 *
 * <ul>
 *   <li>{@link #oneCall}: one call at a time (latency);</li>
 *   <li>{@link #concurrentCalls}: {@value #CONCURRENT} calls started together, then all awaited (throughput with
 *       many calls in flight, as a GraphQL fan-out makes them); the score is per call.</li>
 * </ul>
 * At the end of each trial the fork prints how many threads the transport started (JDK's on a machine with two
 * cores or fewer runs each exchange on a thread of its own pool). Allocation per call: run with {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TransportBenchmark {
    static final int CONCURRENT = 32;

    @Param({"jdk", "apache", "jetty"})
    public String transport;

    private MovieUpstream upstream;
    private Transport client;
    private TransportRequest request;
    private long threadsStartedBefore;

    @Setup(Level.Trial)
    public void setUp() {
        upstream = MovieUpstream.start("no-store");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        threadsStartedBefore = threads.getTotalStartedThreadCount();
        client = switch (transport) {
            case "jdk" -> JdkHttpTransport.create(JdkHttpTransport.DEFAULT_CONNECT_TIMEOUT);
            case "apache" -> new ApacheAsyncTransport(CONCURRENT);
            case "jetty" -> new JettyTransport(CONCURRENT);
            default -> throw new IllegalArgumentException(transport);
        };
        request = new TransportRequest("GET", URI.create(upstream.url() + "movies/1"),
                Headers.of("Accept", "application/json"), null, Duration.ofSeconds(30));
        DataSourceResponse first = oneCall();
        if (first.status() != 200 || first.bodyLength() != MovieUpstream.BODY.length) {
            throw new IllegalStateException("Unexpected answer from " + transport + ": " + first.status());
        }
    }

    @Benchmark
    public DataSourceResponse oneCall() {
        return client.send(request).toCompletableFuture().join();
    }

    @Benchmark
    @OperationsPerInvocation(CONCURRENT)
    public int concurrentCalls() {
        CompletableFuture<?>[] calls = new CompletableFuture<?>[CONCURRENT];
        for (int i = 0; i < CONCURRENT; i++) {
            calls[i] = client.send(request).toCompletableFuture();
        }
        int bytes = 0;
        for (CompletableFuture<?> call : calls) {
            bytes += ((DataSourceResponse) call.join()).bodyLength();
        }
        return bytes;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%n[threads] transport=%s started=%d peakLive=%d%n", transport,
                threads.getTotalStartedThreadCount() - threadsStartedBefore, threads.getPeakThreadCount());
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
        upstream.close();
    }
}
