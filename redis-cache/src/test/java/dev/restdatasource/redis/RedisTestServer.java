package dev.restdatasource.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} process on 127.0.0.1 for tests and benchmarks: no persistence, its own working folder
 * (for a cluster node's {@code nodes.conf}), one port kept across restarts. {@link #start()} waits (bounded by
 * {@link #START_WAIT}) until the server answers {@code PING}; {@link #kill()} kills the process (SIGKILL, as a crash
 * would). A shutdown hook kills it when the JVM exits. Thread-safe (every method is synchronized).
 */
public final class RedisTestServer implements AutoCloseable {
    /** How long a start may take before it fails. */
    public static final Duration START_WAIT = Duration.ofSeconds(20);

    private final int port;
    private final List<String> extraArguments;
    private final String password;
    private final Path dir;
    private Path configFile;
    private Process process;

    /** A server for {@code port} (not started) with these extra {@code redis-server} arguments. */
    public RedisTestServer(int port, List<String> extraArguments) {
        this(port, extraArguments, null);
    }

    /**
     * A server for {@code port} (not started) with these extra arguments whose {@code default} user needs
     * {@code password} ({@code --requirepass}; {@code null}: none); this class's own probes authenticate with it.
     */
    public RedisTestServer(int port, List<String> extraArguments, String password) {
        this.port = port;
        this.password = password;
        List<String> arguments = new ArrayList<>(extraArguments);
        if (password != null) {
            arguments.addAll(List.of("--requirepass", password));
        }
        this.extraArguments = List.copyOf(arguments);
        try {
            this.dir = Files.createTempDirectory("redis-test-" + port + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "redis-test-server-kill-" + port));
    }

    /** Starts a plain server on {@code port} and returns it. */
    public static RedisTestServer started(int port) {
        RedisTestServer server = new RedisTestServer(port, List.of());
        server.start();
        return server;
    }

    /**
     * Starts a server whose {@code default} user needs {@code password} and which has an ACL user {@code user}
     * ({@code userPassword}) allowed every command on the keys matching {@code keyPattern}, and returns it.
     */
    public static RedisTestServer startedWithUser(int port, String password, String user, String userPassword,
            String keyPattern) {
        RedisTestServer server = new RedisTestServer(port,
                List.of("--user", user, "on", ">" + userPassword, "~" + keyPattern, "+@all"), password);
        server.start();
        return server;
    }

    /**
     * Starts a Sentinel on {@code port} that monitors the master {@code master} on 127.0.0.1:{@code masterPort}
     * (quorum 1), and returns it.
     */
    public static RedisTestServer startedSentinel(int port, String master, int masterPort) {
        RedisTestServer sentinel = new RedisTestServer(port, List.of("--sentinel"));
        try {
            // Sentinel rewrites its configuration file, so it must have one of its own.
            sentinel.configFile = Files.writeString(sentinel.dir.resolve("sentinel.conf"), "sentinel monitor " + master
                    + " 127.0.0.1 " + masterPort + " 1\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sentinel.start();
        return sentinel;
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Its working folder. */
    public Path dir() {
        return dir;
    }

    /** Starts the server unless it runs, and waits until it answers PING. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("redis-server"));
        if (configFile != null) {
            command.add(configFile.toString());
        }
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(extraArguments);
        Path log = dir.resolve("redis.log");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-server (is it installed and on PATH? .ci/run installs"
                    + " the redis-server package): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (!answersPing(port, password)) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                kill();
                throw new IllegalStateException("redis-server did not answer PING on 127.0.0.1:" + port + " within "
                        + START_WAIT + "; log " + log + ":\n" + tail(log));
            }
            sleep(50);
        }
    }

    /** Kills the process (SIGKILL) and waits until it is gone; does nothing when it does not run. */
    public synchronized void kill() {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Freezes the process (SIGSTOP): the port stays open, nothing answers, as a hung server. */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** Lets a paused process go on (SIGCONT). */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null) {
            throw new IllegalStateException("redis-server on " + port + " does not run");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling redis-server", e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    /** Whether a Redis server on 127.0.0.1:{@code port} answers {@code PING} with {@code +PONG} within 1 s. */
    public static boolean answersPing(int port) {
        return answersPing(port, null);
    }

    /** {@link #answersPing(int)}, first authenticating with {@code password} unless it is {@code null}. */
    private static boolean answersPing(int port, String password) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1_000);
            authenticate(socket, password);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return "+PONG\r\n".equals(readExactly(socket.getInputStream(), 7));
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Sends {@code AUTH password} (nothing when {@code null}) and checks the {@code +OK}. */
    private static void authenticate(Socket socket, String password) throws IOException {
        if (password == null) {
            return;
        }
        socket.getOutputStream().write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String answer = readExactly(socket.getInputStream(), 5);
        if (!"+OK\r\n".equals(answer)) {
            throw new IOException("AUTH refused: " + answer);
        }
    }

    /** {@code length} bytes as ASCII, or {@code null} when the stream ends first. */
    private static String readExactly(InputStream in, int length) throws IOException {
        byte[] answer = new byte[length];
        int read = 0;
        while (read < answer.length) {
            int n = in.read(answer, read, answer.length - read);
            if (n < 0) {
                return null;
            }
            read += n;
        }
        return new String(answer, StandardCharsets.US_ASCII);
    }

    /** How many clients the server counts ({@code INFO clients}), this probe's own connection included. */
    public int connectedClients() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2_000);
            authenticate(socket, password);
            socket.getOutputStream().write("INFO clients\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder text = new StringBuilder();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4_096];
            while (!text.toString().contains("connected_clients:") || !text.toString().endsWith("\r\n")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
            for (String line : text.toString().split("\r\n")) {
                if (line.startsWith("connected_clients:")) {
                    return Integer.parseInt(line.substring("connected_clients:".length()).trim());
                }
            }
            throw new IllegalStateException("no connected_clients in INFO clients: " + text);
        } catch (IOException e) {
            throw new UncheckedIOException("INFO clients on 127.0.0.1:" + port, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - 3_000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
