package dev.restdatasource.internal.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 upstream on 127.0.0.1, on a plain {@link ServerSocket}, that keeps connections alive and ends each
 * one after it has been idle for {@link #IDLE_TIMEOUT}, in one of the ways servers and load balancers do. It records
 * every request it read whole ({@link #received()}), every request that met a connection it had ended
 * ({@link #refused()}), and reports each idle timeout as it happens ({@link #awaitIdleTimeout()}), so a test waits
 * for that event instead of sleeping.
 */
final class KeepAliveUpstream implements AutoCloseable {
    /** How long a connection may be idle before the upstream ends it. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

    /** What the upstream does at a connection's idle timeout, and with requests. */
    enum Mode {
        /** Closes the connection (the client sees the close), as Node.js, Apache httpd and nginx do. */
        CLOSES,
        /**
         * Forgets the connection without a word and answers the next packet on it with a reset, as a load balancer
         * that dropped an idle flow does, and as a server whose close crosses the client's request does.
         */
        DROPS_SILENTLY,
        /** Reads each request whole, then closes the connection without answering (a server that died on it). */
        NEVER_ANSWERS
    }

    private final Mode mode;
    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final BlockingQueue<String> idleTimeouts = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    KeepAliveUpstream(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "keep-alive-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Each request read whole, as {@code METHOD body}, in order. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** The number of requests that arrived on a connection the upstream had ended, unread. */
    int refused() {
        return refused.get();
    }

    /** Waits (a minute at most, as a hang guard) until a connection reaches its idle timeout and is ended. */
    void awaitIdleTimeout() throws InterruptedException {
        if (idleTimeouts.poll(60, TimeUnit.SECONDS) == null) {
            throw new AssertionError("no connection reached its idle timeout within a minute");
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    private void accept() {
        try {
            while (true) {
                Socket connection = server.accept();
                connections.add(connection);
                Thread serving = new Thread(() -> serve(connection), "keep-alive-upstream-connection");
                serving.setDaemon(true);
                serving.start();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            while (true) {
                connection.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
                try {
                    in.mark(1);
                    if (in.read() == -1) {
                        return; // the client closed it
                    }
                    in.reset();
                } catch (SocketTimeoutException idle) {
                    endIdle(connection, in);
                    return;
                }
                connection.setSoTimeout(0);
                String request = readRequest(in);
                received.add(request);
                if (mode == Mode.NEVER_ANSWERS) {
                    return;
                }
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Ends a connection at its idle timeout, the way of this upstream's mode. */
    private void endIdle(Socket connection, InputStream in) throws IOException {
        if (mode != Mode.DROPS_SILENTLY) {
            connection.close();
            idleTimeouts.add("closed");
            return;
        }
        idleTimeouts.add("dropped");
        connection.setSoTimeout(0);
        if (in.read() != -1) {
            refused.incrementAndGet();
            connection.setSoLinger(true, 0); // unread bytes and no linger: the close is a reset
        }
    }

    /** Reads one request (head and a Content-Length body) and returns {@code METHOD body}. */
    private static String readRequest(InputStream in) throws IOException {
        String requestLine = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return requestLine.substring(0, requestLine.indexOf(' ')) + " " + body;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("the request ended early");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
