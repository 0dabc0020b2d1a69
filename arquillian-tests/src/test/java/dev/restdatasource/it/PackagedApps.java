package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The README's application as users ship it: the WARs that readme-app builds with a plain {@code mvn package}
 * (failsafe names them in system properties), deployed as archives. Only one jar is added, holding a
 * {@code microprofile-config.properties} of a higher ordinal that points the application's two data sources at an
 * upstream this test JVM serves on 127.0.0.1: {@code movies/1} and {@code reviews/1} answer JSON, {@code movies/401}
 * and {@code reviews/401} answer 401.
 */
final class PackagedApps {
    private static final HttpServer UPSTREAM = startUpstream();

    private PackagedApps() {
    }

    /** The WAR file named by system property {@code property}, imported as {@code <context>.war}, with the upstream's URLs. */
    static WebArchive deployment(String property, String context) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException(property + " (a WAR built by readme-app) is not a file: " + path);
        }
        WebArchive war = ShrinkWrap.create(ZipImporter.class, context + ".war").importFrom(new File(path)).as(WebArchive.class);
        String upstream = "http://127.0.0.1:" + UPSTREAM.getAddress().getPort() + "/";
        JavaArchive config = ShrinkWrap.create(JavaArchive.class, "it-upstream-config.jar")
                .addAsResource(new StringAsset("config_ordinal=150\n"
                        + "restdatasource.movies.url=" + upstream + "\n"
                        + "restdatasource.reviews.url=" + upstream + "\n"), "META-INF/microprofile-config.properties");
        return war.addAsLibrary(config);
    }

    /** Asserts that a query answers the data given, without errors. */
    static void assertData(String context, String query, String expectedData) {
        JsonObject answer = Server.graphql(context, query);
        assertEquals(null, answer.get("errors"), answer::toString);
        assertEquals(expectedData, answer.get("data").toString(), answer::toString);
    }

    /** Asserts that a query's only error has this {@code extensions.code} and message, and its field is null. */
    static void assertError(String context, String query, String field, String code, String message) {
        JsonObject answer = Server.graphql(context, query);
        JsonObject error = answer.getJsonArray("errors").getJsonObject(0);
        assertEquals(1, answer.getJsonArray("errors").size(), answer::toString);
        assertEquals(code, error.getJsonObject("extensions").getString("code"), answer::toString);
        assertEquals(message, error.getString("message"), answer::toString);
        assertEquals("{\"" + field + "\":null}", answer.get("data").toString(), answer::toString);
    }

    private static HttpServer startUpstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", PackagedApps::answer);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "packaged-apps-upstream");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = switch (path) {
            case "/movies/1" -> "{\"id\":\"1\",\"title\":\"Alien\"}";
            case "/reviews/1" -> "[{\"stars\":5,\"text\":\"A classic\"}]";
            default -> null;
        };
        int status = body != null ? 200 : path.endsWith("/401") ? 401 : 404;
        byte[] bytes = (body != null ? body : "{\"error\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
