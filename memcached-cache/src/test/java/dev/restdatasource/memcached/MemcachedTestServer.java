package dev.restdatasource.memcached;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code memcached} process on 127.0.0.1 for tests and benchmarks: a free port from 21000..29000 or a given
 * one (kept across {@link #stop()} / {@link #start()}), TCP only, the item size limit given. {@link #start()} waits
 * (bounded, {@value #START_SECONDS} s) until the server answers {@code version}; {@link #stop()} kills the process
 * (SIGKILL: an outage, not a shutdown) and waits for it. A JVM shutdown hook kills it too. Not thread-safe.
 */
public final class MemcachedTestServer implements AutoCloseable {
    private static final int START_SECONDS = 15;

    private final int port;
    private final int maxItemKib;
    private Process process;

    private MemcachedTestServer(int port, int maxItemKib) {
        this.port = port;
        this.maxItemKib = maxItemKib;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "memcached-test-server-" + port + "-stop"));
    }

    /**
     * Starts a server whose item size limit (memcached's {@code -I}) is {@code maxItemKib} KiB; below 1,024 KiB the
     * slab chunk limit is set to half of it (memcached refuses a chunk limit above {@code -I}).
     */
    public static MemcachedTestServer start(int maxItemKib) {
        return startOn(LoopbackPorts.free(1, 21_000, 29_000, 0).get(0), maxItemKib);
    }

    /** Like {@link #start(int)} on a given port (cluster-tests: the port the servers' config names). */
    public static MemcachedTestServer startOn(int port, int maxItemKib) {
        MemcachedTestServer server = new MemcachedTestServer(port, maxItemKib);
        server.start();
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Whether the process runs. */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the process (again, on the same port) and waits until it answers. */
    public void start() {
        if (running()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(executable(), "-l", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "0", "-I", maxItemKib + "k", "-m", "64", "-t", "1"));
        if (maxItemKib < 1_024) {
            command.addAll(List.of("-o", "slab_chunk_max=" + maxItemKib * 512));
        }
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "root"));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(START_SECONDS).toNanos();
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(command + " exited with " + process.exitValue());
            }
            if (System.nanoTime() - deadline > 0) {
                stop();
                throw new IllegalStateException(command + " did not answer within " + START_SECONDS + " s");
            }
            sleep(50);
        }
    }

    /** Kills the process and waits for it to end (bounded, 10 s). */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Sends one text-protocol command line (without CRLF) on a new connection and returns the first line of the
     * answer, e.g. {@code mg <key> t} gives {@code HD t2678400} (the remaining ttl) or {@code EN} (absent).
     */
    public String ask(String command) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n' && line.length() < 10_000; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }

    /** Whether the server answers {@code version} on its port now. */
    private boolean answers() {
        try {
            return ask("version").startsWith("VERSION");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "memcached");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new IllegalStateException("memcached is not on PATH: install it (apt-get install -y memcached; .ci/run does)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for memcached", e);
        }
    }
}
