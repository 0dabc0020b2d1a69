package dev.restdatasource.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Open Liberty server created by the build under {@code target/liberty/wlp/usr/servers/<name>}, started and
 * stopped with the runtime's own {@code bin/server} script. Only for these tests; not thread-safe per instance.
 */
final class LibertyServer {
    private final Path wlpHome;
    private final String name;
    private final int httpPort;

    LibertyServer(Path wlpHome, String name, int httpPort) {
        this.wlpHome = wlpHome;
        this.name = name;
        this.httpPort = httpPort;
    }

    String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<port>/example/}. */
    String baseUrl() {
        return "http://127.0.0.1:" + httpPort + "/example/";
    }

    /** Stops a server an interrupted earlier run may have left, then starts this one; returns once it is launched. */
    void start() throws IOException, InterruptedException {
        run("stop");
        int rc = run("start");
        if (rc != 0) {
            throw new IllegalStateException("server start " + name + " exited with " + rc + "\n" + logTail());
        }
    }

    /** Stops the server (a server that is not running is fine). */
    void stop() throws IOException, InterruptedException {
        run("stop");
    }

    /** The last lines of the server's messages.log, for failure messages. */
    String logTail() {
        Path log = wlpHome.resolve("usr/servers").resolve(name).resolve("logs/messages.log");
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "---- " + log + " (last 60 lines) ----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no " + log + ": " + e + ")";
        }
    }

    private int run(String action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(wlpHome.resolve("bin/server").toString(), action, name));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        wlpHome.getParent().resolve("server-commands.log").toFile()))
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + action + " " + name + " did not return within 3 minutes");
        }
        return process.exitValue();
    }
}
