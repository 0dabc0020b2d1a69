package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A wrong {@code restdatasource.*} value fails deployment on Liberty with a message naming the key. The deployment
 * is unmanaged so that the test can deploy it itself, catch the failure and read the server's messages.log.
 */
@ExtendWith(ArquillianExtension.class)
class BadConfigIT {
    private static final String NAME = "bad-config";
    private static final String CONTEXT = "rds-bad-config";
    private static final String KEY = "restdatasource.request-timeout";

    @ArquillianResource
    Deployer deployer;

    /** The main application plus a request timeout that is not a duration. */
    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return TestApp.withSettings(CONTEXT, KEY + "=abc");
    }

    @Test
    void badValueFailsDeploymentNamingTheKey() throws Exception {
        int logBefore = Server.messagesLog().length();
        Exception failure = assertThrows(DeploymentException.class, () -> deployer.deploy(NAME));
        try {
            // the container reads the server's FFDC report of the failure into the exception it throws
            StringBuilder chain = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                chain.append(t).append('\n');
            }
            assertTrue(chain.toString().contains(KEY), "the deployment exception names " + KEY + ": " + chain);

            String log = Server.messagesLog();
            String newLines = log.length() >= logBefore ? log.substring(logBefore) : log;
            assertTrue(newLines.lines().anyMatch(line -> line.contains("CWWKZ0002E") && line.contains(CONTEXT)
                    && line.contains(KEY)), "messages.log reports the failed start naming " + KEY + ":\n" + newLines);
        } finally {
            try {
                deployer.undeploy(NAME);
            } catch (RuntimeException alreadyGone) {
                // the container may have removed the failed application itself
            }
        }
    }
}
