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
 * A real {@code memcached} process on 127.0.0.1 for tests and benchmarks: a free port from 21000..29000 (kept across
 * {@link #stop()} / {@link #start()}), TCP only, the item size limit given. {@link #start()} waits (bounded,
 * {@value #START_SECONDS} s) until the server answers {@code version}; {@link #stop()} kills the process (SIGKILL: an
 * outage, not a shutdown) and waits for it. A JVM shutdown hook kills it too. Not thread-safe.
 */
public final class MemcachedTestServer implements AutoCloseable {
    private static final int START_SECONDS = 15;

    private final int port;
    private final String maxItemSize;
    private Process process;

    private MemcachedTestServer(int port, String maxItemSize) {
        this.port = port;
        this.maxItemSize = maxItemSize;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "memcached-test-server-" + port + "-stop"));
    }

    /** Starts a server with item size limit {@code maxItemSize} (memcached's {@code -I}, e.g. {@code 2m}, {@code 64k}). */
    public static MemcachedTestServer start(String maxItemSize) {
        MemcachedTestServer server = new MemcachedTestServer(LoopbackPorts.free(1, 21_000, 29_000, 0).get(0),
                maxItemSize);
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
                "-U", "0", "-I", maxItemSize, "-m", "64", "-t", "1"));
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

    /** Whether the server answers {@code version} on its port now. */
    private boolean answers() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("version\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            return in.readNBytes(answer, 0, answer.length) == answer.length
                    && new String(answer, StandardCharsets.US_ASCII).equals("VERSION");
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
