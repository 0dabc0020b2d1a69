package dev.restdatasource.internal.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP upstream for tests: the JDK HttpServer on 127.0.0.1 with an ephemeral port. Routes answer
 * programmable responses, and every request is recorded and counted per path.
 */
public final class Upstream implements AutoCloseable {
    /** A request as the upstream received it. */
    public record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A response to send. */
    public static final class Reply {
        int status = 200;
        final List<String[]> headers = new ArrayList<>();
        byte[] body = new byte[0];
        long delayMillis;

        public static Reply status(int status) {
            Reply r = new Reply();
            r.status = status;
            return r;
        }

        public static Reply json(String json) {
            return status(200).header("Content-Type", "application/json").body(json);
        }

        public Reply header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        public Reply body(String body) {
            this.body = body.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Reply delay(long millis) {
            this.delayMillis = millis;
            return this;
        }
    }

    /** Computes a reply for a request. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Received request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    public Upstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:34567/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers requests whose path equals {@code path} (raw, without query). */
    public Upstream on(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Returns how many requests reached {@code path}. */
    public int count(String path) {
        AtomicInteger c = counts.get(path);
        return c == null ? 0 : c.get();
    }

    /** Returns every request received, in order. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Returns the last request received. */
    public Received last() {
        List<Received> all = received();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Received r = new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(r);
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Handler handler = routes.get(path);
            Reply reply;
            try {
                reply = handler == null ? Reply.status(404).body("no route " + path) : handler.handle(r);
            } catch (Exception e) {
                reply = Reply.status(500).body(String.valueOf(e));
            }
            if (reply.delayMillis > 0) {
                Thread.sleep(reply.delayMillis);
            }
            for (String[] h : reply.headers) {
                exchange.getResponseHeaders().add(h[0], h[1]);
            }
            boolean noBody = reply.status == 204 || reply.status == 304 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(reply.status, noBody ? -1 : (reply.body.length == 0 ? -1 : reply.body.length));
            if (!noBody && reply.body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
