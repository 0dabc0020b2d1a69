package dev.restdatasource.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.support.ChildJvm;
import dev.restdatasource.internal.support.HostileUpstream;
import dev.restdatasource.internal.support.SmallHeapClient;
import java.util.List;
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
            ChildJvm.Result child = ChildJvm.run(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path")), SmallHeapClient.class.getName(),
                    List.of(huge.url(), endless.url()), 5);
            String out = child.output();
            assertTrue(child.exited(), "the small-heap JVM hung: " + out);
            assertEquals(0, child.exitValue(), out);
            long refused = out.lines().filter(("CODE " + ErrorCode.INVALID_UPSTREAM_RESPONSE)::equals).count();
            assertEquals(2L * SmallHeapClient.ROUNDS, refused, out);
            assertTrue(out.lines().anyMatch("DONE"::equals), out);
        }
    }
}
