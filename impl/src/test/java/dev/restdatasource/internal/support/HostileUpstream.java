package dev.restdatasource.internal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream on a real socket on 127.0.0.1 that answers every request with one hostile response written by hand:
 * a huge {@code Content-Length} it then tries to fill, an endless chunked body, a body dripping one byte at a time.
 * It writes until the client closes the connection and counts the connections the client gave up on.
 */
public final class HostileUpstream implements AutoCloseable {
    /** What the server writes after reading a request's head. */
    @FunctionalInterface
    public interface Behaviour {
        /** Writes the response; an IOException means the client closed the connection. */
        void respond(String requestHead, OutputStream out) throws IOException, InterruptedException;
    }

    private static final byte[] BLOCK = new byte[64 * 1024];

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();

    /** Starts a server that answers every request with {@code behaviour}. */
    public HostileUpstream(Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "hostile-upstream-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A response announcing {@code length} bytes, then zeros written for as long as the client reads. */
    public static Behaviour hugeContentLength(long length) {
        return (head, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < length; written += BLOCK.length) {
                out.write(BLOCK);
            }
        };
    }

    /** A chunked response whose chunks never end. */
    public static Behaviour endlessChunked() {
        return (head, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] size = (Integer.toHexString(BLOCK.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(size);
                out.write(BLOCK);
                out.write(end);
            }
        };
    }

    /** A chunked response of {@code body}, without a Content-Length, in chunks of at most 1000 bytes. */
    public static Behaviour chunked(byte[] body) {
        return (head, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 1000) {
                int n = Math.min(1000, body.length - at);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
    }

    /** A response announcing {@code length} bytes and sending one every {@code millis} milliseconds. */
    public static Behaviour dripping(int length, long millis) {
        return (head, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < length; i++) {
                Thread.sleep(millis);
                out.write('x');
                out.flush();
            }
        };
    }

    /** The base URL, ending with a slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    /** How many requests arrived. */
    public int requests() {
        return requests.get();
    }

    /** How many responses the client stopped reading by closing the connection. */
    public int abandoned() {
        return abandoned.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread worker = new Thread(() -> serve(socket), "hostile-upstream");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            String head;
            while ((head = readHead(socket.getInputStream())) != null) { // one response per request, kept alive
                requests.incrementAndGet();
                try {
                    behaviour.respond(head, out);
                    out.flush();
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        abandoned.incrementAndGet();
                    }
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client or the server closed the connection between responses
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.toString();
            }
        }
        return null;
    }
}
