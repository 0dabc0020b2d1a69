package dev.restdatasource.it;

import static dev.restdatasource.it.PackagedApps.assertData;
import static dev.restdatasource.it.PackagedApps.assertError;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Error codes however the application is packaged: the README's application with {@code restdatasource-impl} at
 * {@code runtime} scope ({@code restdatasource-api} at {@code compile}), built by a plain {@code mvn package} and
 * deployed as an archive (system property {@code it.runtime-scope.war}). The error-code classes come from the
 * annotation processor in restdatasource-api, so a 401 still answers {@code UNAUTHENTICATED}, not {@code data-source}.
 */
@ExtendWith(ArquillianExtension.class)
class RuntimeScopeWarIT {
    private static final String APP = "runtime-scope";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PackagedApps.deployment("it.runtime-scope.war", APP);
    }

    @Test
    void anUpstream401IsUnauthenticatedWithImplAtRuntimeScope() {
        assertData(APP, "{ movie(id:\"1\"){ title } }", "{\"movie\":{\"title\":\"Alien\"}}");
        assertError(APP, "{ movie(id:\"401\"){ title } }", "movie", "UNAUTHENTICATED", "401: Unauthorized");
        assertError(APP, "{ reviews(movieId:\"401\"){ stars } }", "reviews", "UNAUTHENTICATED", "401: Unauthorized");
    }
}
