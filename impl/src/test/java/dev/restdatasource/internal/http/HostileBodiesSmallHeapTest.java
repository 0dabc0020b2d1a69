package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.support.HostileUpstream;
import dev.restdatasource.internal.support.SmallHeapClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB body and an endless chunked body, each asked for several times, cannot exhaust a 64 MiB heap: a JVM of
 * that size (launched here, exiting at the first OutOfMemoryError) survives every call, and every call fails with
 * {@code INVALID_UPSTREAM_RESPONSE}. The process timeout only guards against a hang.
 */
class HostileBodiesSmallHeapTest {
    @Test
    void aSmallHeapSurvivesHugeAndEndlessBodies() throws Exception {
        try (HostileUpstream huge = new HostileUpstream(HostileUpstream.hugeContentLength(1L << 30));
                HostileUpstream endless = new HostileUpstream(HostileUpstream.endlessChunked())) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path"), SmallHeapClient.class.getName(), huge.url(), endless.url()))
                    .redirectErrorStream(true).start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(child.getInputStream(), output));
            reader.setDaemon(true);
            reader.start();
            boolean exited = child.waitFor(5, TimeUnit.MINUTES);
            if (!exited) {
                child.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            String out = output.toString(StandardCharsets.UTF_8);
            assertTrue(exited, "the small-heap JVM hung: " + out);
            assertEquals(0, child.exitValue(), out);
            long refused = out.lines().filter(("CODE " + ErrorCode.INVALID_UPSTREAM_RESPONSE)::equals).count();
            assertEquals(2L * SmallHeapClient.ROUNDS, refused, out);
            assertTrue(out.lines().anyMatch("DONE"::equals), out);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
