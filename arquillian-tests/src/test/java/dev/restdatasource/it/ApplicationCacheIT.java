package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.it.appcache.CountingCache;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An application's {@code KeyValueCache} bean replaces the default store, for both kinds of data source. */
@ExtendWith(ArquillianExtension.class)
class ApplicationCacheIT {
    private static final String APP = "rds-app-cache";

    /** The main application plus {@link CountingCache} and its stats endpoint. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApp.withPackage(APP, CountingCache.class.getPackage());
    }

    @Test
    void theApplicationsStoreHoldsTheHttpCache() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        JsonObject before = stats();

        for (String field : new String[] {"movie", "movie", "clientMovie"}) {
            JsonObject answer = Server.graphql(APP, "{ " + field + "(id: \"" + id + "\") { title } }");
            assertEquals("Movie " + id, answer.getJsonObject("data").getJsonObject(field).getString("title"), answer.toString());
        }

        JsonObject after = stats();
        assertEquals(1, Server.counts(APP, "movies/" + id).requests(), "served from the store after the first call");
        assertTrue(after.getInt("sets") > before.getInt("sets"), "the response was written to the application's store");
        assertTrue(after.getInt("gets") >= before.getInt("gets") + 3, "every call read the application's store: "
                + before + " -> " + after);
    }

    private static JsonObject stats() {
        return Server.upstream(APP, "cache-stats");
    }
}
