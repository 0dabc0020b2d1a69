package dev.restdatasource.example.plain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for a REST API when the example is run without a URL: the JDK's HttpServer on 127.0.0.1 (a free port)
 * answering {@code GET /greeting} (text, cacheable for 60 s) and {@code GET /movies/1} (JSON), and counting the
 * requests per path.
 */
public final class DemoUpstream implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private DemoUpstream(HttpServer server) {
        this.server = server;
    }

    /** Starts the upstream on 127.0.0.1 and a free port. */
    public static DemoUpstream start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoUpstream upstream = new DemoUpstream(server);
        server.createContext("/", upstream::answer);
        server.start();
        return upstream;
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Returns how many requests {@code path} (e.g. {@code /greeting}) received. */
    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            switch (path) {
                case "/greeting" -> send(exchange, 200, "text/plain; charset=utf-8", "Hello from the movies API");
                case "/movies/1" -> send(exchange, 200, "application/json",
                        "{\"id\":\"1\",\"title\":\"The Shawshank Redemption\",\"year\":1994}");
                default -> send(exchange, 404, "application/json", "{\"error\":\"not found\"}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("Cache-Control", "public, max-age=60");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
