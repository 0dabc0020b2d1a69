package dev.restdatasource.infinispan;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Infinispan Server 16.0.7 for the Hot Rod tests, run as a separate JVM ({@code org.infinispan.server.Bootstrap})
 * from the jars the build copied into {@code target/infinispan-server/lib} (system property
 * {@code infinispan.server.lib}), so none of the server's dependencies is on this module's classpath. It listens on
 * 127.0.0.1 only, on one free port kept across restarts, without cluster transport and without authentication.
 *
 * <p>One server per test JVM ({@link #shared()}), started on first use, stopped by a shutdown hook. Starts and stops
 * are bounded ({@link #START_WAIT}, {@link #STOP_WAIT}); a server that does not come up is killed and the start
 * fails with the tail of its log. Thread-safe (every method is synchronized).
 */
final class InfinispanTestServer {
    /** The cache defined on the server. */
    static final String CACHE = InfinispanCaches.DEFAULT_CACHE_NAME;
    /** How long a start may take before it fails (the server needs about 10 s on a busy 2-core machine). */
    static final Duration START_WAIT = Duration.ofSeconds(90);
    /** How long a graceful stop may take before the process is killed. */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final String STARTED = "ISPN080001";

    private static InfinispanTestServer shared;

    private final Path lib;
    private final Path root;
    private final int port;
    private Process process;

    private InfinispanTestServer(Path lib, Path root, int port) {
        this.lib = lib;
        this.root = root;
        this.port = port;
    }

    /** The test JVM's server, started if it is not running. */
    static synchronized InfinispanTestServer shared() {
        if (shared == null) {
            String lib = System.getProperty("infinispan.server.lib", "target/infinispan-server/lib");
            int port = LoopbackPorts.free(1, 11_322, 11_400, 0).get(0);
            Path root = Paths.get(lib).toAbsolutePath().getParent().resolve("root-" + port);
            shared = new InfinispanTestServer(Paths.get(lib).toAbsolutePath(), root, port);
            InfinispanTestServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "infinispan-test-server-stop"));
        }
        shared.start();
        return shared;
    }

    /** {@code 127.0.0.1:<port>}, for the Hot Rod client. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** Starts the server unless it runs, and waits until it has started (bounded). */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            prepareRoot();
            Path log = root.resolve("server.log");
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Djava.net.preferIPv4Stack=true", "-cp", lib + "/*", "org.infinispan.server.Bootstrap",
                    "-s", root.toString(), "-c", "server.xml", "-b", "127.0.0.1"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            while (!Files.readString(log, StandardCharsets.UTF_8).contains(STARTED)) {
                if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                    stop();
                    throw new IllegalStateException("Infinispan Server did not start within " + START_WAIT
                            + " on " + address() + "; log " + log + ":\n" + tail(log));
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot start Infinispan Server from " + lib, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while Infinispan Server started", e);
        }
    }

    /** Stops the server (gracefully, then killed after {@link #STOP_WAIT}); does nothing when it does not run. */
    synchronized void stop() {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void prepareRoot() throws IOException {
        if (!Files.isRegularFile(lib.resolve("infinispan-server-runtime-16.0.7.jar"))) {
            throw new IllegalStateException("No Infinispan Server jars in " + lib + ": run the tests through Maven"
                    + " (the infinispan-test-server profile copies them)");
        }
        Path conf = root.resolve("conf");
        Files.createDirectories(conf);
        Files.createDirectories(root.resolve("lib")); // Bootstrap refuses a root without it
        Files.writeString(conf.resolve("server.xml"), resource("server.xml")
                .replace("@PORT@", Integer.toString(port)).replace("@CACHE@", CACHE), StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("log4j2.xml"), resource("log4j2.xml"), StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = InfinispanTestServer.class.getResourceAsStream("/infinispan-server/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource infinispan-server/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 4_000));
    }
}
