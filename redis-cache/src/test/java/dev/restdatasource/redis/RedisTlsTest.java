package dev.restdatasource.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restdatasource.cache.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rediss://} against a real redis-server on 127.0.0.1 with a TLS port ({@code --tls-port}, no client
 * certificates) whose certificate a test CA signed ({@link TlsFiles}, made with openssl under {@code target/}); the
 * plain port stays open for the test server's own readiness probe only. Skipped, saying why, when this redis-server
 * was built without TLS.
 */
class RedisTlsTest {
    private static TlsFiles tls;
    @AutoClose
    private static RedisTestServer server;
    private static int tlsPort;
    @AutoClose
    private RedisKeyValueCache store;

    @BeforeAll
    static void startServer() {
        tls = TlsFiles.create();
        List<Integer> ports = LoopbackPorts.free(2, 55_000, 60_000, 0);
        tlsPort = ports.get(1);
        server = new RedisTestServer(ports.get(0), tls.redisArguments(tlsPort));
        try {
            server.start();
        } catch (IllegalStateException e) {
            // A build without TLS refuses the tls-* settings (the message quotes the server's log).
            String log = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            assumeFalse(log.contains("bad directive") || log.contains("not supported")
                    || log.contains("missing implement"), () -> "this redis-server has no TLS: " + e.getMessage());
            throw e;
        }
        assumeTrue(listens(tlsPort), () -> "this redis-server started but does not listen on --tls-port " + tlsPort
                + " (built without TLS?)");
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static RedisSettings tlsUri() {
        return RedisSettings.of("rediss://127.0.0.1:" + tlsPort);
    }

    @Test
    void fullVerificationWithTheCaInTheTruststoreServes() {
        // full checks the host name too: the certificate names IP 127.0.0.1.
        store = RedisCaches.connect(tlsUri().withTls("full", tls.truststore(), TlsFiles.TRUSTSTORE_PASSWORD));
        StoreChecks.serves(store);
    }

    @Test
    void caVerificationWithTheCaInTheTruststoreServes() {
        store = RedisCaches.connect(tlsUri().withTls("ca", tls.truststore(), TlsFiles.TRUSTSTORE_PASSWORD));
        StoreChecks.serves(store);
    }

    @Test
    void withoutTheTruststoreTheServerIsNotTrustedAndEveryCallIsAMissThatSaysWhy() {
        store = RedisCaches.connect(tlsUri().withTls("full", null, null));
        String warning = StoreChecks.refusesAsMisses(store);
        assertTrue(warning.contains("unable to find valid certification path"), warning);
    }

    @Test
    void caVerificationStillChecksTheCertificate() {
        store = RedisCaches.connect(tlsUri().withTls("ca", null, null));
        String warning = StoreChecks.refusesAsMisses(store);
        assertTrue(warning.contains("unable to find valid certification path"), warning);
    }

    @Test
    void noVerificationServesWithoutATruststore() {
        store = RedisCaches.connect(tlsUri().withTls("none", null, null));
        StoreChecks.serves(store);
    }

    @Test
    void plainRedisOnTheTlsPortIsAMissNotAHang() {
        store = RedisCaches.connect(RedisSettings.of("redis://127.0.0.1:" + tlsPort));
        String warning = StoreChecks.refusesAsMisses(store);
        assertTrue(warning.contains("Unable to connect"), warning);
    }

    @Test
    void fullVerificationRefusesACertificateForAnotherHostWhichCaAccepts() {
        TlsFiles otherHost = TlsFiles.create("DNS:cache.invalid");
        List<Integer> ports = LoopbackPorts.free(2, 55_000, 60_000, 0);
        RedisTestServer misnamed = new RedisTestServer(ports.get(0), otherHost.redisArguments(ports.get(1)));
        try {
            misnamed.start();
            RedisSettings settings = RedisSettings.of("rediss://127.0.0.1:" + ports.get(1));
            store = RedisCaches.connect(settings.withTls("full", otherHost.truststore(), TlsFiles.TRUSTSTORE_PASSWORD));
            String warning = StoreChecks.refusesAsMisses(store);
            assertTrue(warning.contains("No subject alternative names matching IP address 127.0.0.1"), warning);
            store.close();
            store = RedisCaches.connect(settings.withTls("ca", otherHost.truststore(), TlsFiles.TRUSTSTORE_PASSWORD));
            StoreChecks.serves(store);
        } finally {
            misnamed.kill();
        }
    }
}
