package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.it.outside.WarmUp;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Data sources called outside a GraphQL request, in a request context the application activates: a startup warm-up
 * ({@code @Observes @Initialized(ApplicationScoped.class)} with {@code @ActivateRequestContext}) and a task of the
 * server's {@code ManagedExecutorService} (with {@code RequestContextController}), for a {@code RESTDataSource} and a
 * {@code @DataSource} Rest Client. The calls send no caller headers (request filters see an empty context, plus the
 * attributes set in the activated context), deduplicate within one activated context, and share the HTTP cache.
 * The upstream is a second application, deployed first, so that it answers while the warm-up runs.
 */
@ExtendWith(ArquillianExtension.class)
class OutsideRequestIT {
    private static final String UPSTREAM = "rds-outside-upstream";
    private static final String APP = "rds-outside";
    private static final String NO_CALLER = "authorization=null filteredBy=forward-authorization";

    /** The application whose upstream API the other one calls (and counts the calls). */
    @Deployment(name = "upstream", order = 1, testable = false)
    static WebArchive upstream() {
        return TestApp.withSettings(UPSTREAM, "");
    }

    /** The main application plus the warm-up and the task, its data sources pointing at the first application. */
    @Deployment(name = "outside", order = 2, testable = false)
    static WebArchive outside() {
        String upstream = Server.base() + "/" + UPSTREAM + "/upstream/";
        return TestApp.withSettings(APP, "restdatasource.movies.url=" + upstream + "\nprofiles/mp-rest/url=" + upstream)
                .addPackage(WarmUp.class.getPackage());
    }

    @Test
    void aStartupWarmUpCallsBothKindsOfDataSourceInTheRequestContextItActivates() {
        JsonObject results = Server.upstream(APP, "outside/warm-up");
        String id = WarmUp.ID;

        assertEquals("Movie " + id, results.getString("movie", null), results.toString());
        assertEquals("Movie " + id + "-client", results.getString("clientMovie", null), results.toString());
        assertEquals(NO_CALLER + " user=warm-up", results.getString("echo", null), results.toString());
        assertEquals(NO_CALLER + " user=warm-up", results.getString("clientEcho", null), results.toString());
        assertEquals("Uncached " + id + " / Uncached " + id, results.getString("uncached", null), results.toString());
        assertEquals("Uncached " + id + "-client / Uncached " + id + "-client", results.getString("clientUncached", null),
                results.toString());
        assertEquals(1, Server.counts(UPSTREAM, "movies/" + id).requests());
        assertEquals(1, Server.counts(UPSTREAM, "movies/" + id + "-client").requests());
        assertEquals(1, Server.counts(UPSTREAM, "uncached/" + id).requests(), "deduplicated within the warm-up");
        assertEquals(1, Server.counts(UPSTREAM, "uncached/" + id + "-client").requests(), "deduplicated within the warm-up");
    }

    @Test
    void aManagedExecutorTaskCallsBothKindsOfDataSourceInTheRequestContextItActivates() {
        String id = "task-" + UUID.randomUUID().toString().substring(0, 8);

        JsonObject first = Server.upstream(APP, "outside/task/" + id, "Authorization", "Bearer caller");
        assertEquals("true", first.getString("activated", null), "no request context on the task's thread: " + first);
        assertTrue(first.getString("withoutContext", "").startsWith("ContextNotActiveException"), first.toString());
        assertEquals("Movie " + id + "-no-context", first.getString("clientWithoutContext", null), first.toString());
        assertEquals("Movie " + id, first.getString("movie", null), first.toString());
        assertEquals("Movie " + id + "-client", first.getString("clientMovie", null), first.toString());
        assertEquals(NO_CALLER + " user=task", first.getString("echo", null), "the caller's headers are not passed: " + first);
        assertEquals(NO_CALLER + " user=task", first.getString("clientEcho", null), "the caller's headers are not passed: " + first);
        assertEquals(1, Server.counts(UPSTREAM, "uncached/" + id).requests(), "deduplicated within the task");
        assertEquals(1, Server.counts(UPSTREAM, "uncached/" + id + "-client").requests(), "deduplicated within the task");

        JsonObject second = Server.upstream(APP, "outside/task/" + id, "Authorization", "Bearer caller");
        assertEquals("Movie " + id, second.getString("movie", null), second.toString());
        assertEquals(2, Server.counts(UPSTREAM, "uncached/" + id).requests(), "one call per activated request context");
        assertEquals(2, Server.counts(UPSTREAM, "uncached/" + id + "-client").requests(), "one call per activated context");
        assertEquals(1, Server.counts(UPSTREAM, "movies/" + id).requests(), "the HTTP cache is shared");
        assertEquals(1, Server.counts(UPSTREAM, "movies/" + id + "-client").requests(), "the HTTP cache is shared");
    }
}
