package dev.restdatasource.it;

import static dev.restdatasource.it.PackagedApps.assertError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a WAR without the generated error-code classes gets (as a build on JDK 23+ without {@code -proc:full}, or one
 * listing {@code annotationProcessorPaths}, would make it): the runtime-scope WAR with
 * {@code WEB-INF/classes/dev/restdatasource/graphql/codes} removed. The deployment logs an error naming the fixes,
 * and a 401 answers SmallRye's default code {@code data-source}.
 */
@ExtendWith(ArquillianExtension.class)
class MissingErrorCodesIT {
    private static final String APP = "no-codes";

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = PackagedApps.deployment("it.runtime-scope.war", APP);
        war.delete(ArchivePaths.create("WEB-INF/classes/dev/restdatasource/graphql/codes"));
        return war;
    }

    @Test
    void theDeploymentLogsAnErrorNamingTheFixAndCodesAreSmallRyesDefault() throws Exception {
        String log = Server.serverLog();
        assertTrue(log.contains("restdatasource: the application has a @GraphQLApi (org.acme.movies.MoviesGraphQL) but not the"
                + " generated error-code classes"), log);
        assertTrue(log.contains("-proc:full"), log);
        assertError(APP, "{ movie(id:\"401\"){ title } }", "movie", "data-source", "401: Unauthorized");
    }
}
