package dev.restdatasource.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The local upstream of the benchmarks: the JDK {@link HttpServer} on 127.0.0.1 with an ephemeral port.
 * Every GET answers 200 with the same ~1 KB JSON movie ({@link #BODY}), {@code Content-Type:
 * application/json}, a {@code Content-Length} (so connections stay alive) and the {@code Cache-Control}
 * given at start. TCP_NODELAY is on. Requests are served on the server's dispatcher thread (no executor hand-off). Only ever
 * called by the benchmark itself, so its traffic is bounded by the JMH iterations.
 */
final class MovieUpstream implements AutoCloseable {
    /** The body: one movie, about 1 KB of UTF-8 JSON. */
    static final byte[] BODY = movieJson().getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final String cacheControl;

    private MovieUpstream(String cacheControl) throws IOException {
        // Without TCP_NODELAY the server's separate header and body writes meet the client's delayed ACK:
        // every exchange then takes ~40 ms (Nagle). Read once, when the first server is made in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.cacheControl = cacheControl;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts an upstream whose answers carry {@code Cache-Control: <cacheControl>}. */
    static MovieUpstream start(String cacheControl) {
        try {
            return new MovieUpstream(cacheControl);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the local upstream", e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:34567/}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Cache-Control", cacheControl);
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        }
    }

    /** Fails the setup when {@code movie} is not the parse of {@link #BODY}. */
    static void checkParsed(Movie movie) {
        if (movie == null || !"Alien".equals(movie.title) || movie.cast.size() != 9 || movie.plot.length() < 500) {
            throw new IllegalStateException("Unexpected parse result");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String movieJson() {
        return "{\"id\":\"1\",\"title\":\"Alien\",\"year\":1979,\"director\":\"Ridley Scott\","
                + "\"genres\":[\"horror\",\"science fiction\",\"thriller\"],"
                + "\"cast\":[\"Tom Skerritt\",\"Sigourney Weaver\",\"Veronica Cartwright\",\"Harry Dean Stanton\","
                + "\"John Hurt\",\"Ian Holm\",\"Yaphet Kotto\",\"Bolaji Badejo\",\"Helen Horton\"],"
                + "\"rating\":8.5,\"runtimeMinutes\":117,"
                + "\"plot\":\"" + "The commercial towing vessel Nostromo is on its way back to Earth when its computer "
                + "wakes the crew of seven to answer a transmission from a nearby moon. Landing there damages the ship, "
                + "and while the engineers make repairs, three of the crew explore a derelict spacecraft and find a "
                + "chamber full of eggs. One of them hatches and a creature attaches itself to the face of the executive "
                + "officer, who is carried back aboard against the quarantine rules. The creature later falls off "
                + "dead, the officer seems well, the ship leaves the moon, and during the last meal before they go "
                + "back to sleep something bursts from his chest and escapes into the ducts of the ship." + "\"}";
    }
}
