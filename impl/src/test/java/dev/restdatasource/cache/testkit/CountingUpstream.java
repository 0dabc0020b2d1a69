package dev.restdatasource.cache.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny REST upstream for store tests: the JDK {@link HttpServer} on 127.0.0.1, ephemeral port. Every GET
 * of {@code /movies/<id>} answers 200 {@code {"id":"<id>"}} with {@code Cache-Control: max-age=300}; other
 * paths answer 404. Counts the requests it serves. Thread-safe; {@link #close()} stops it at once.
 */
public final class CountingUpstream implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private CountingUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts an upstream; throws {@link UncheckedIOException} when no port can be bound. */
    public static CountingUpstream start() {
        try {
            return new CountingUpstream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test upstream", e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:34567/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** How many requests were served so far. */
    public int requests() {
        return requests.get();
    }

    /** The body served for movie {@code id}. */
    public static String body(String id) {
        return "{\"id\":\"" + id + "\"}";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/movies/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = body(path.substring("/movies/".length())).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Cache-Control", "max-age=300");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
