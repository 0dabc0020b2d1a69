package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upstream failures reaching a {@code @Query} (issue 3, point 6): each must become an {@code errors[]} entry for
 * that field whose {@code extensions.code} is exactly the data source's code and whose message is neither SmallRye's
 * default ("Server Error" in 1.0 on Liberty, "System error" in 2.x on WildFly) nor holds the upstream URL or body,
 * while a sibling field of the same query still resolves. The same WAR on both servers (docs/wildfly.md).
 */
@Tag("error-codes")
@ExtendWith(ArquillianExtension.class)
class ErrorCodesIT {
    private static final String APP = TestApp.CONTEXT;

    /** The main test application. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApp.main();
    }

    /**
     * Waits (at most 10 s) until the upstream has answered every {@code slow} request the timeout tests left
     * behind, before Arquillian undeploys the application: on WildFly 39, a request still running when its
     * application is undeployed leaves its worker thread broken for the next application's Rest Client calls
     * (docs/wildfly.md).
     */
    @AfterAll
    static void letSlowUpstreamCallsEnd() throws InterruptedException {
        for (int i = 0; i < 600; i++) { // 60 s: a hang guard
            if (Server.counts(APP, "slow-answered").requests() >= Server.counts(APP, "slow").requests()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the slow upstream calls did not end within 60 s");
    }

    @Test
    void upstream401IsUnauthenticated() {
        assertFieldError("upstreamStatus(code: 401) { title }", "UNAUTHENTICATED");
    }

    @Test
    void upstream403IsForbidden() {
        assertFieldError("upstreamStatus(code: 403) { title }", "FORBIDDEN");
    }

    @Test
    void upstream404IsNotFound() {
        assertFieldError("upstreamStatus(code: 404) { title }", "NOT_FOUND");
    }

    @Test
    void upstream500IsUpstreamError() {
        assertFieldError("upstreamStatus(code: 500) { title }", "UPSTREAM_ERROR");
    }

    @Test
    void upstreamTimeoutIsUpstreamTimeout() {
        assertFieldError("slowMovie { title }", "UPSTREAM_TIMEOUT");
    }

    @Test
    void refusedConnectionIsUpstreamUnavailable() {
        assertFieldError("unreachableMovie { title }", "UPSTREAM_UNAVAILABLE");
    }

    @Test
    void restClientUpstream401IsUnauthenticated() {
        assertFieldError("clientUpstreamStatus(code: 401) { title }", "UNAUTHENTICATED");
    }

    @Test
    void restClientUpstream403IsForbidden() {
        assertFieldError("clientUpstreamStatus(code: 403) { title }", "FORBIDDEN");
    }

    @Test
    void restClientUpstream404IsNotFound() {
        assertFieldError("clientUpstreamStatus(code: 404) { title }", "NOT_FOUND");
    }

    @Test
    void restClientUpstream500IsUpstreamError() {
        assertFieldError("clientUpstreamStatus(code: 500) { title }", "UPSTREAM_ERROR");
    }

    @Test
    void restClientUpstreamTimeoutIsUpstreamTimeout() {
        assertFieldError("clientSlowMovie { title }", "UPSTREAM_TIMEOUT");
    }

    @Test
    void restClientRefusedConnectionIsUpstreamUnavailable() {
        assertFieldError("clientUnreachableMovie { title }", "UPSTREAM_UNAVAILABLE");
    }

    /** Runs {@code { ping failing: <field> }} and checks the error of {@code failing} and the value of {@code ping}. */
    private static void assertFieldError(String field, String code) {
        JsonObject answer = Server.graphql(APP, "{ ping failing: " + field + " }");

        JsonObject data = answer.getJsonObject("data");
        assertTrue(data != null && "pong".equals(data.getString("ping", null)), "the sibling field resolves: " + answer);
        assertEquals(JsonValue.NULL, data.get("failing"), "the failing field is null: " + answer);

        JsonArray errors = answer.getJsonArray("errors");
        if (errors == null || errors.isEmpty()) {
            fail("no errors[]: " + answer);
        }
        JsonObject error = errors.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.containsKey("path") && e.getJsonArray("path").getString(0).equals("failing"))
                .findFirst().orElseThrow(() -> new AssertionError("no error with path [failing]: " + answer));
        JsonObject extensions = error.getJsonObject("extensions");
        assertEquals(code, extensions == null ? null : extensions.getString("code", null), "extensions.code: " + error);
        String message = error.getString("message", "");
        assertNotEquals("Server Error", message, "message: " + error);
        assertNotEquals("System error", message, "message: " + error);
        for (String leak : new String[] {"127.0.0.1", "/upstream/", "upstream says", "no token"}) {
            assertFalse(message.contains(leak), "the message holds no upstream URL or body: " + error);
        }
        assertTrue(errors.size() == 1, "only the failing field has an error: " + answer);
    }
}
