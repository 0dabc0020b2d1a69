package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.it.ft.FaultToleranceQueries;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MicroProfile Fault Tolerance annotations on {@code @DataSource} Rest Client interfaces (issue 3, point 2) on Open
 * Liberty: {@code @Retry} runs the pipeline again after an uncacheable 503, {@code @Fallback} answers when the
 * upstream is down.
 */
@Tag("fault-tolerance")
@ExtendWith(ArquillianExtension.class)
class FaultToleranceIT {
    private static final String APP = "rds-ft";

    /** The main application plus the classes of {@code dev.restdatasource.it.ft}. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApp.withPackage(APP, FaultToleranceQueries.class.getPackage());
    }

    @Test
    void retryAfterA503ReachesTheUpstreamAgainAndAnswers() {
        JsonObject answer = Server.graphql(APP, "{ flakyMovie(id: \"r1\") { id title } }");
        assertFalse(answer.containsKey("errors"), answer::toString);
        assertEquals("Flaky r1", answer.getJsonObject("data").getJsonObject("flakyMovie").getString("title"));
        assertEquals(2, Server.counts(APP, "ft/flaky/r1").requests());
    }

    @Test
    void fallbackHandlerAnswersWhenTheUpstreamIsDown() {
        JsonObject answer = Server.graphql(APP, "{ downMovie(id: \"d1\") { id title } }");
        assertFalse(answer.containsKey("errors"), answer::toString);
        String title = answer.getJsonObject("data").getJsonObject("downMovie").getString("title");
        assertTrue(title.startsWith("Fallback after "), title);
    }

    @Test
    void fallbackMethodAnswersWhenTheUpstreamIsDown() {
        JsonObject answer = Server.graphql(APP, "{ downMovieOrPlaceholder(id: \"d2\") { id title } }");
        assertFalse(answer.containsKey("errors"), answer::toString);
        assertEquals("Placeholder d2", answer.getJsonObject("data").getJsonObject("downMovieOrPlaceholder").getString("title"));
    }
}
