package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.restdatasource.it.body.BodyMutations;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request body of a {@code @DataSource} Rest Client call is written by the client's own {@code MessageBodyWriter}
 * and {@code WriterInterceptor} (both from {@code @RegisterProvider}) on the server under test, headers included.
 */
@ExtendWith(ArquillianExtension.class)
class RequestBodyIT {
    private static final String APP = "rds-body";

    /** The main application plus the classes of {@code dev.restdatasource.it.body}. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApp.withPackage(APP, BodyMutations.class.getPackage());
    }

    @Test
    void theClientsWriterAndInterceptorWriteTheBodyAndItsHeaders() {
        JsonObject answer = Server.graphql(APP, "mutation { rate(movie: \"alien\", stars: 5) }");
        assertFalse(answer.containsKey("errors"), answer::toString);
        assertEquals("application/vnd.acme.rating|RatingWriter|v1|v1;alien=5",
                answer.getJsonObject("data").getString("rate"));
    }
}
