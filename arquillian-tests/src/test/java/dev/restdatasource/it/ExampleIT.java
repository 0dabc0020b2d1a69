package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example WAR as built by the project (issue 3 point 8, issue 5 point 2), deployed unchanged at {@code /example}
 * and asked the README's queries: example-war on Open Liberty, example-war-wildfly (the same WAR plus the SmallRye
 * GraphQL it bundles) on WildFly. The WAR file is the one failsafe names in {@code it.example.war}; its upstream URLs
 * use {@code default.http.port}, which each test server sets to its own port.
 *
 * <p>Each test compares upstream counts before and after its own queries (read from the example's
 * {@code /upstream/stats}), so the order of the tests does not matter.
 */
@ExtendWith(ArquillianExtension.class)
class ExampleIT {
    private static final String APP = "example";
    private static final String ALICE = "Bearer alice";
    private static final String BOB = "Bearer bob";

    /** The example WAR, named {@code example.war} so that its context root is {@code /example} on both servers. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        String path = System.getProperty("it.example.war");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("it.example.war (the built example WAR) is not a file: " + path);
        }
        return ShrinkWrap.create(ZipImporter.class, APP + ".war").importFrom(new File(path)).as(WebArchive.class);
    }

    /** Apollo behaviour: a public, cacheable GET answered from the shared HTTP cache the second time. */
    @Test
    void secondIdenticalQueryIsServedFromTheCache() {
        String query = "{ movie(id:\"6\"){ id title } }";
        JsonObject expected = json("{\"data\":{\"movie\":{\"id\":\"6\",\"title\":\"Parasite\"}}}");

        assertEquals(expected, Server.graphql(APP, query));
        assertEquals(1, stats().getOrDefault("GET /movies/6", 0), "the first query reaches the upstream");
        assertEquals(expected, Server.graphql(APP, query));
        assertEquals(1, stats().getOrDefault("GET /movies/6", 0), "the second is served from the cache");
    }

    /** The Rest Client data source with the caller's token; Movie.progress of the whole list is one batch call. */
    @Test
    void favoritesWithProgressAreOneBatchCall() {
        Map<String, Integer> before = stats();
        JsonObject answer = Server.graphql(APP, "{ favorites { id title progress { percent } } }", ALICE);

        assertEquals(json("{\"favorites\":["
                + "{\"id\":\"1\",\"title\":\"The Shawshank Redemption\",\"progress\":{\"percent\":100}},"
                + "{\"id\":\"3\",\"title\":\"The Dark Knight\",\"progress\":{\"percent\":42}},"
                + "{\"id\":\"5\",\"title\":\"Spirited Away\",\"progress\":{\"percent\":7}}]}"), answer.get("data"), answer::toString);
        Map<String, Integer> calls = since(before);
        assertEquals(1, calls.getOrDefault("GET /personalization/favorites [Bearer alice]", 0), calls::toString);
        assertEquals(1, calls.getOrDefault("GET /personalization/progress?movieId=1&movieId=3&movieId=5 [Bearer alice]", 0),
                calls::toString);
        assertTrue(calls.keySet().stream().noneMatch(k -> k.startsWith("GET /personalization/progress/")),
                () -> "no single progress call: " + calls);
    }

    /** A private answer (Cache-Control: private, Vary: Authorization) is never served to another user's token. */
    @Test
    void privateAnswerIsNotServedToAnotherUser() {
        String query = "{ favorites { id } }";
        JsonObject bob = json("{\"favorites\":[{\"id\":\"2\"},{\"id\":\"4\"}]}");
        JsonObject alice = json("{\"favorites\":[{\"id\":\"1\"},{\"id\":\"3\"},{\"id\":\"5\"}]}");

        Map<String, Integer> before = stats();
        assertEquals(bob, Server.graphql(APP, query, BOB).get("data"));
        assertEquals(alice, Server.graphql(APP, query, ALICE).get("data"));
        assertEquals(bob, Server.graphql(APP, query, BOB).get("data"));
        Map<String, Integer> calls = since(before);
        assertEquals(2, calls.getOrDefault("GET /personalization/favorites [Bearer bob]", 0), calls::toString);
        assertEquals(1, calls.getOrDefault("GET /personalization/favorites [Bearer alice]", 0), calls::toString);
    }

    /**
     * The README's error query, plus a forbidden user and an unknown movie: each failing field has the same
     * {@code extensions.code} and message on both servers while its sibling resolves. Tagged {@code error-codes}.
     */
    @Test
    @Tag("error-codes")
    void errorsHaveTheSameCodesAsOnLiberty() {
        assertFieldError(Server.graphql(APP, "{ movie(id:\"3\"){ title } favorites { id } }"),
                "favorites", "UNAUTHENTICATED", "401: Unauthorized");
        assertFieldError(Server.graphql(APP, "{ movie(id:\"3\"){ title } favorites { id } }", "Bearer mallory"),
                "favorites", "FORBIDDEN", "403: Forbidden");
        assertFieldError(Server.graphql(APP, "{ movie(id:\"3\"){ title } unknown: movie(id:\"99\"){ title } }"),
                "unknown", "NOT_FOUND", "404: Not Found");
    }

    /** Checks that {@code field} alone failed with {@code code} and {@code message}, and movie 3 still resolved. */
    private static void assertFieldError(JsonObject answer, String field, String code, String message) {
        JsonObject data = answer.getJsonObject("data");
        assertEquals(json("{\"title\":\"The Dark Knight\"}"), data == null ? null : data.get("movie"), answer::toString);
        assertEquals(JsonValue.NULL, data.get(field), answer::toString);
        JsonArray errors = answer.getJsonArray("errors");
        assertTrue(errors != null && errors.size() == 1, answer::toString);
        JsonObject error = errors.getJsonObject(0);
        assertEquals(Json.createArrayBuilder().add(field).build(), error.get("path"), error::toString);
        JsonObject extensions = error.getJsonObject("extensions");
        assertEquals(code, extensions == null ? null : extensions.getString("code", null), error::toString);
        assertEquals(message, error.getString("message", null), error::toString);
    }

    /** The example's upstream request counts, e.g. {@code "GET /movies/1" -> 1}. */
    private static Map<String, Integer> stats() {
        Map<String, Integer> counts = new TreeMap<>();
        Server.upstream(APP, "stats").forEach((key, value) -> counts.put(key, ((JsonNumber) value).intValue()));
        return counts;
    }

    /** The upstream requests counted since {@code before} (only the paths that received some). */
    private static Map<String, Integer> since(Map<String, Integer> before) {
        Map<String, Integer> delta = new TreeMap<>();
        stats().forEach((key, count) -> {
            int calls = count - before.getOrDefault(key, 0);
            if (calls != 0) {
                delta.put(key, calls);
            }
        });
        return delta;
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
