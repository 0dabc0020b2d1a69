package dev.restdatasource.it;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Everything the test suite does differently per application server, in one place. The server is chosen by the
 * system property {@code it.server} ({@code liberty}, the default, or {@code wildfly}) that each failsafe execution
 * sets; the same property value is the Arquillian container qualifier ({@code arquillian.launch}).
 *
 * <p>The test classes and the test application are the same for both servers; only these hooks differ: which jars
 * the WAR must bundle besides the library (the server does not provide MicroProfile GraphQL), extra
 * {@code microprofile-config.properties} lines, where the server log is, how that log reports a failed deployment, and
 * whether {@code @Source List} batch resolvers run.
 */
enum ServerFlavor {
    /** Open Liberty 26.0.0.3 with {@code mpGraphQL-2.0}: GraphQL is provided by the server, nothing extra bundled. */
    LIBERTY {
        @Override
        List<File> bundledLibraries() {
            return List.of();
        }

        @Override
        String extraSettings() {
            return "";
        }

        @Override
        Path serverLog() {
            return Path.of(System.getProperty("it.wlp.home", "target/liberty/wlp"), "usr", "servers",
                    System.getProperty("it.server.name", "arquillian"), "logs", "messages.log");
        }

        @Override
        String deploymentFailedMessageId() {
            return "CWWKZ0002E"; // An exception occurred while starting the application
        }

        @Override
        boolean runsSourceListBatchResolvers() {
            return false; // registers no DataLoader: see BatchingIT and docs/liberty-graphql-errors.md
        }
    },

    /**
     * WildFly 39.0.1 ({@code standalone-microprofile.xml}): its MicroProfile GraphQL feature pack is not on Maven
     * Central, so each WAR bundles SmallRye GraphQL's servlet 2.17.0 and its dependencies (the jars the WildFly test
     * module copies to the folder named by {@code it.bundled.libs}); Apollo Federation support is switched off.
     */
    WILDFLY {
        @Override
        List<File> bundledLibraries() {
            String folder = System.getProperty("it.bundled.libs");
            if (folder == null) {
                throw new IllegalStateException("it.bundled.libs (the jars of SmallRye GraphQL to bundle) is not set");
            }
            File[] jars = new File(folder).listFiles((dir, name) -> name.endsWith(".jar"));
            if (jars == null || jars.length == 0) {
                throw new IllegalStateException("no jars in it.bundled.libs=" + folder);
            }
            Arrays.sort(jars);
            return List.of(jars);
        }

        @Override
        String extraSettings() {
            return "# SmallRye GraphQL is bundled on WildFly: no Apollo Federation (faster deployment)\n"
                    + "smallrye.graphql.federation.enabled=false\n"
                    + "# a resolver's exception, with its causes, in server.log (clients see only the message)\n"
                    + "smallrye.graphql.printDataFetcherException=true\n";
        }

        @Override
        Path serverLog() {
            return Path.of(System.getProperty("it.jboss.home", "target/wildfly"), "standalone", "log", "server.log");
        }

        @Override
        String deploymentFailedMessageId() {
            return "WFLYCTL0013"; // Operation ("deploy") failed
        }

        @Override
        boolean runsSourceListBatchResolvers() {
            return true;
        }
    };

    /** Returns the flavor named by the system property {@code it.server} (default {@code liberty}). */
    static ServerFlavor current() {
        return valueOf(System.getProperty("it.server", "liberty").trim().toUpperCase(Locale.ROOT));
    }

    /** The jars each test WAR bundles in {@code WEB-INF/lib} besides restdatasource-api, -impl and Caffeine. */
    abstract List<File> bundledLibraries();

    /** Lines appended to each test WAR's {@code microprofile-config.properties}; empty or ending in a newline. */
    abstract String extraSettings();

    /** The server's main log file (it may not exist yet). */
    abstract Path serverLog();

    /** The message id the server log puts on the line reporting that an application failed to deploy. */
    abstract String deploymentFailedMessageId();

    /** Whether MicroProfile GraphQL batch resolvers ({@code @Source List<T>} parameters) run on this server. */
    abstract boolean runsSourceListBatchResolvers();
}
