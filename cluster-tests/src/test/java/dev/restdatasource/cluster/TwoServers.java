package dev.restdatasource.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two Liberty servers running the example WAR with one clustered backend: A (whose upstream both servers call)
 * and B. Starts both at once, waits until both answer, and speaks GraphQL and the upstream's counters over HTTP.
 */
final class TwoServers implements AutoCloseable {
    /** Longest wait for a server to answer after its launch, and for the cluster to share entries. */
    static final Duration STARTUP = Duration.ofMinutes(3);
    static final Duration CLUSTER = Duration.ofSeconds(90);

    private static final Pattern COUNT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*(\\d+)");

    final LibertyServer a;
    final LibertyServer b;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TwoServers(LibertyServer a, LibertyServer b) {
        this.a = a;
        this.b = b;
    }

    /** Starts {@code <backend>-a} and {@code <backend>-b} (ports from the build's system properties) and waits for both. */
    static TwoServers start(String backend) throws Exception {
        Path wlp = Path.of(System.getProperty("cluster.wlp.home", "target/liberty/wlp"));
        TwoServers servers = new TwoServers(
                new LibertyServer(wlp, backend + "-a", Integer.getInteger(backend + ".a.http.port")),
                new LibertyServer(wlp, backend + "-b", Integer.getInteger(backend + ".b.http.port")));
        try {
            servers.both(s -> {
                s.start();
                servers.awaitAnswering(s);
                return null;
            });
        } catch (Exception | Error e) {
            servers.close();
            throw e;
        }
        return servers;
    }

    private interface ServerTask {
        Void on(LibertyServer server) throws Exception;
    }

    private void both(ServerTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> done = pool.invokeAll(List.<Callable<Void>>of(() -> task.on(a), () -> task.on(b)));
            for (Future<Void> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitAnswering(LibertyServer server) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "upstream/stats"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(server.name() + " did not answer within " + STARTUP + ": " + last + "\n"
                + server.logTail());
    }

    /** POSTs a GraphQL query to {@code server} and returns the JSON answer, failing on a non-200 status or errors. */
    String query(LibertyServer server, String graphql) throws IOException, InterruptedException {
        String body = "{\"query\":\"" + graphql.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "graphql"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
            throw new AssertionError(server.name() + " answered " + r.statusCode() + ": " + r.body() + "\n"
                    + server.logTail());
        }
        return r.body();
    }

    /** The upstream request counts of {@code server}'s own upstream ({@code GET /example/upstream/stats}). */
    Map<String, Long> upstreamCounts(LibertyServer server) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "upstream/stats"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(server.name() + " stats: " + r.statusCode() + " " + r.body());
        }
        Map<String, Long> counts = new TreeMap<>();
        Matcher m = COUNT.matcher(r.body());
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    /** Resets the upstream request counts of {@code server}. */
    void resetUpstreamCounts(LibertyServer server) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "upstream/stats"))
                .timeout(Duration.ofSeconds(10)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
            throw new AssertionError(server.name() + " stats reset: " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Waits until the two servers share their cache: probes with {@code mostViewedMovies(limit: k)}, k = 1, 2, ...
     * (a new URL each time), first on A then on B, until B's query leaves A's upstream count for that URL at 1.
     * The first probes also start each server's cache member (the store is created on first use).
     *
     * @return how many probes it took
     */
    int awaitSharedCache() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CLUSTER.toNanos();
        for (int k = 1; k <= 100; k++) {
            String probe = "{ mostViewedMovies(limit: " + k + ") { id } }";
            query(a, probe);
            query(b, probe);
            Long count = upstreamCounts(a).get("GET /movies?sort=views&limit=" + k);
            if (count != null && count == 1) {
                return k;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the two servers did not share their cache within " + CLUSTER + "\n" + a.logTail()
                + "\n" + b.logTail());
    }

    /** Stops both servers at once. */
    @Override
    public void close() throws Exception {
        both(s -> {
            s.stop();
            return null;
        });
    }
}
