package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restdatasource.it.health.DownStore;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cache store's MicroProfile Health readiness check on the server's own endpoints ({@code /health/ready} and
 * {@code /health}: Liberty's {@code mpHealth-4.0} on the HTTP port, WildFly's health subsystem on the management
 * port). Three applications: the in-memory store (up), a store that is down with the default setting (the check stays
 * UP, its data says {@code unreachable}) and the same store with
 * {@code restdatasource.health.store-outage-fails-readiness=true} (the check is DOWN, so the server's readiness is).
 *
 * <p>Not yet on WildFly 39: there the check bean exists (the application's own {@code BeanManager} resolves it, in the
 * bean archive WildFly makes for the library jar's added classes, {@code <war>.additionalClasses}), but the health
 * subsystem's lookup, made with the {@code BeanManager} of its own module, does not see that archive, whether the check
 * is an added annotated type or a synthetic bean; its endpoint then shows only its default
 * {@code ready-deployment.<war>} check. The test is skipped there until the library has a way in (see the report of
 * the health branch).
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {
    private static final String CHECK = "restdatasource-cache-store";

    @Deployment(name = "in-memory", order = 1, testable = false)
    static WebArchive inMemory() {
        return TestApp.withSettings("rds-health", "");
    }

    @Deployment(name = "down", order = 2, testable = false)
    static WebArchive down() {
        return TestApp.withSettings("rds-health-down", "it.down-store.address=redis://admin:hunter2@down-default:6379")
                .addPackage(DownStore.class.getPackage());
    }

    @Deployment(name = "down-strict", order = 3, testable = false)
    static WebArchive downStrict() {
        return TestApp.withSettings("rds-health-strict", "it.down-store.address=down-strict:6379\n"
                + "restdatasource.health.store-outage-fails-readiness=true")
                .addPackage(DownStore.class.getPackage());
    }

    @Test
    void readinessShowsEachApplicationsStoreAndOnlyTheStrictOneFails() {
        assumeSupported();
        HttpResponse<String> response = get("/health/ready");
        assertEquals(503, response.statusCode(), response.body());
        assertFalse(response.body().contains("hunter2"), response.body());
        JsonObject health = Server.parse(response.body());
        assertEquals("DOWN", health.getString("status"), response.body());

        JsonObject inMemory = check(health, "in-memory");
        assertEquals("UP", inMemory.getString("status"), inMemory.toString());
        assertEquals("in-process", inMemory.getJsonObject("data").getString("address"), inMemory.toString());
        assertEquals("up", inMemory.getJsonObject("data").getString("state"), inMemory.toString());

        JsonObject down = checkAt(health, "down-default:6379");
        assertEquals("UP", down.getString("status"), "an outage alone does not fail readiness: " + down);
        assertEquals("unreachable", down.getJsonObject("data").getString("state"), down.toString());
        assertEquals("down-store", down.getJsonObject("data").getString("store"), down.toString());
        assertFalse(down.getJsonObject("data").getBoolean("outage-fails-readiness"), down.toString());

        JsonObject strict = checkAt(health, "down-strict:6379");
        assertEquals("DOWN", strict.getString("status"), strict.toString());
        assertEquals("unreachable", strict.getJsonObject("data").getString("state"), strict.toString());
        assertTrue(strict.getJsonObject("data").getBoolean("outage-fails-readiness"), strict.toString());
    }

    @Test
    void overallHealthListsTheSameChecks() {
        assumeSupported();
        HttpResponse<String> response = get("/health");
        JsonObject health = Server.parse(response.body());
        assertEquals("UP", check(health, "in-memory").getString("status"), response.body());
        assertEquals("unreachable", checkAt(health, "down-default:6379").getJsonObject("data").getString("state"),
                response.body());
        assertFalse(response.body().contains("hunter2"), response.body());
    }

    private static void assumeSupported() {
        assumeTrue(ServerFlavor.current() != ServerFlavor.WILDFLY,
                "WildFly 39's health subsystem does not see the check bean of a library jar without beans.xml");
    }

    /** The store check whose data names {@code store}; fails unless there is exactly one. */
    private static JsonObject check(JsonObject health, String store) {
        return only(health, c -> store.equals(c.getJsonObject("data").getString("store", null)), "store=" + store);
    }

    /** The store check whose data has {@code address}; fails unless there is exactly one. */
    private static JsonObject checkAt(JsonObject health, String address) {
        return only(health, c -> address.equals(c.getJsonObject("data").getString("address", null)), "address=" + address);
    }

    private static JsonObject only(JsonObject health, java.util.function.Predicate<JsonObject> which, String what) {
        List<JsonObject> found = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> CHECK.equals(c.getString("name")) && c.containsKey("data"))
                .filter(which).collect(Collectors.toList());
        assertEquals(1, found.size(), what + " in " + health);
        return found.get(0);
    }

    /**
     * GETs {@code path} of the server's health endpoints: Liberty serves them on its HTTP port, WildFly on its
     * management port.
     */
    private static HttpResponse<String> get(String path) {
        String base = ServerFlavor.current() == ServerFlavor.WILDFLY
                ? "http://127.0.0.1:" + System.getProperty("it.management.port", "9990")
                : Server.base();
        return Server.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }
}
