package dev.restdatasource.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA and a server certificate it signed, by default for {@code 127.0.0.1} and {@code localhost} (subject
 * alternative names), made with the {@code openssl} command in a new folder under {@code target/}, plus a PKCS12 truststore that
 * holds only the CA. Valid for two days.
 *
 * @param dir        the folder holding every file
 * @param caCert     the CA certificate (PEM)
 * @param serverCert the server certificate (PEM)
 * @param serverKey  the server's private key (PEM, unencrypted)
 * @param truststore the PKCS12 truststore with the CA, password {@link #TRUSTSTORE_PASSWORD}
 */
record TlsFiles(Path dir, Path caCert, Path serverCert, Path serverKey, Path truststore) {
    /** The truststore's password. */
    static final String TRUSTSTORE_PASSWORD = "changeit-test";

    /** {@link #create(String)} for {@code IP:127.0.0.1,DNS:localhost}. */
    static TlsFiles create() {
        return create("IP:127.0.0.1,DNS:localhost");
    }

    /**
     * Makes the files, the server certificate for {@code subjectAltNames} (openssl's form, e.g. {@code DNS:x}); fails
     * naming the openssl command and its output when one fails.
     */
    static TlsFiles create(String subjectAltNames) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "redis-tls-")
                    .toAbsolutePath();
            Files.writeString(dir.resolve("san.ext"), "subjectAltName=" + subjectAltNames + "\n",
                    StandardCharsets.US_ASCII);
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=restdatasource test CA", "-keyout", "ca.key", "-out", "ca.crt");
            openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
                    "-out", "server.csr");
            openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                    "-days", "2", "-extfile", "san.ext", "-out", "server.crt");
            TlsFiles files = new TlsFiles(dir, dir.resolve("ca.crt"), dir.resolve("server.crt"),
                    dir.resolve("server.key"), dir.resolve("truststore.p12"));
            files.writeTruststore();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code redis-server} arguments for a TLS port {@code tlsPort} with this certificate, no client certificates. */
    List<String> redisArguments(int tlsPort) {
        return List.of("--tls-port", Integer.toString(tlsPort), "--tls-cert-file", serverCert.toString(),
                "--tls-key-file", serverKey.toString(), "--tls-ca-cert-file", caCert.toString(),
                "--tls-auth-clients", "no");
    }

    private void writeTruststore() throws IOException {
        try (InputStream in = Files.newInputStream(caCert); OutputStream out = Files.newOutputStream(truststore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the truststore " + truststore, e);
        }
    }

    private static void openssl(Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Path log = dir.resolve("openssl.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl did not finish within 60 s: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
