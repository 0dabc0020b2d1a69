package dev.restdatasource.it;

import static dev.restdatasource.it.PackagedApps.assertData;
import static dev.restdatasource.it.PackagedApps.assertError;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's "Use it in your project" application, built from the README's blocks exactly as written (readme.war
 * for Open Liberty, readme-wildfly.war with {@code -Pwildfly} for WildFly; system property {@code it.readme.war}):
 * both data sources answer, and an upstream 401 reaches GraphQL clients as {@code UNAUTHENTICATED}.
 */
@ExtendWith(ArquillianExtension.class)
class ReadmeAppIT {
    private static final String APP = "readme";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PackagedApps.deployment("it.readme.war", APP);
    }

    @Test
    void theRestDataSourceAndTheRestClientDataSourceAnswer() {
        assertData(APP, "{ movie(id:\"1\"){ id title } }", "{\"movie\":{\"id\":\"1\",\"title\":\"Alien\"}}");
        assertData(APP, "{ reviews(movieId:\"1\"){ stars text } }", "{\"reviews\":[{\"stars\":5,\"text\":\"A classic\"}]}");
    }

    @Test
    void anUpstream401IsUnauthenticatedThroughBothDataSources() {
        assertError(APP, "{ movie(id:\"401\"){ title } }", "movie", "UNAUTHENTICATED", "401: Unauthorized");
        assertError(APP, "{ reviews(movieId:\"401\"){ stars } }", "reviews", "UNAUTHENTICATED", "401: Unauthorized");
    }
}
