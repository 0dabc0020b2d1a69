package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.it.nourl.WeatherAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A wrong {@code restdatasource.*} value, and a data source bean without a base URL, fail deployment with a message
 * naming the key. The deployments are unmanaged so that the test can deploy them itself, catch the failure and read
 * the server's log.
 */
@ExtendWith(ArquillianExtension.class)
class BadConfigIT {
    private static final String NAME = "bad-config";
    private static final String CONTEXT = "rds-bad-config";
    private static final String KEY = "restdatasource.request-timeout";
    private static final Pattern RECORD_START = Pattern.compile("\\[\\d|\\d{4}-\\d\\d-\\d\\d ");

    private static final String NO_URL = "no-base-url";
    private static final String NO_URL_CONTEXT = "rds-no-base-url";
    private static final String NO_URL_KEY = "restdatasource.WeatherAPI.url";
    private static final String MISSPELT_KEY = "restdatasource.weatherapi.url";

    @ArquillianResource
    Deployer deployer;

    /** The main application plus a request timeout that is not a duration. */
    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return TestApp.withSettings(CONTEXT, KEY + "=abc");
    }

    /** The main application plus a data source without a base URL, whose URL key is misspelt. */
    @Deployment(name = NO_URL, managed = false, testable = false)
    static WebArchive withoutBaseUrl() {
        return TestApp.withSettings(NO_URL_CONTEXT, MISSPELT_KEY + "=http://127.0.0.1:1/").addPackage(WeatherAPI.class.getPackage());
    }

    /**
     * Splits a server log into records: a record starts with a timestamp (Liberty's {@code [11/24/26 ...]}, WildFly's
     * {@code 2026-11-24 ...}) and goes on over the following lines (WildFly prints the causes below the message).
     */
    private static List<String> logRecords(String log) {
        List<String> records = new ArrayList<>();
        StringBuilder record = new StringBuilder();
        for (String line : log.split("\\R")) {
            if (RECORD_START.matcher(line).lookingAt() && record.length() > 0) {
                records.add(record.toString());
                record.setLength(0);
            }
            record.append(line).append('\n');
        }
        records.add(record.toString());
        return records;
    }

    @Test
    void badValueFailsDeploymentNamingTheKey() throws Exception {
        assertDeploymentFails(NAME, CONTEXT, KEY);
    }

    @Test
    void aDataSourceWithoutBaseUrlFailsDeploymentNamingTheClassAndTheKeys() throws Exception {
        String chain = assertDeploymentFails(NO_URL, NO_URL_CONTEXT, NO_URL_KEY);
        assertTrue(chain.contains(WeatherAPI.class.getName()) && chain.contains(MISSPELT_KEY),
                "the deployment exception names the class and the misspelt key: " + chain);
    }

    /**
     * Deploys {@code name}, expects the deployment to fail naming {@code key}, in the exception and in the server's log
     * record of the failed start, undeploys it and returns the exception's messages.
     */
    private String assertDeploymentFails(String name, String context, String key) throws Exception {
        int logBefore = Server.serverLog().length();
        Exception failure = assertThrows(DeploymentException.class, () -> deployer.deploy(name));
        try {
            // the container puts the server's report of the failure (Liberty's FFDC, WildFly's failure description)
            // into the exception it throws
            StringBuilder chain = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                chain.append(t).append('\n');
            }
            assertTrue(chain.toString().contains(key), "the deployment exception names " + key + ": " + chain);

            String log = Server.serverLog();
            String newLines = log.length() >= logBefore ? log.substring(logBefore) : log;
            String failed = ServerFlavor.current().deploymentFailedMessageId();
            assertTrue(logRecords(newLines).stream().anyMatch(record -> record.contains(failed) && record.contains(context)
                    && record.contains(key)), "the server log reports the failed start naming " + key + ":\n" + newLines);
            return chain.toString();
        } finally {
            try {
                deployer.undeploy(name);
            } catch (RuntimeException alreadyGone) {
                // the container may have removed the failed application itself
            }
        }
    }
}
