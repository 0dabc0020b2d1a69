package dev.restdatasource.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.internal.support.ChildJvm;
import dev.restdatasource.internal.support.WithoutJsonbClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A data source works in a plain {@code main} without JSON-B (nor CDI, MicroProfile, Servlet, JAX-RS): a JVM is
 * launched with only the library's classes, the test classes and Caffeine on its class path, and every call that
 * needs no JSON answers; a call that must read or write JSON fails with a message naming the dependency to add, and a
 * JSON error body stays text. The process timeout only guards against a hang.
 */
class WithoutJsonbTest {
    @Test
    void aDataSourceRunsWithoutJsonbUntilABodyIsJson() throws Exception {
        ChildJvm.Result child = ChildJvm.run(List.of("-cp", libraryOnlyClassPath()), WithoutJsonbClient.class.getName(),
                List.of(), 5);
        String out = child.output();
        assertTrue(child.exited(), "the JVM without JSON-B hung: " + out);
        assertEquals(0, child.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("JSONB absent"), out);
        assertTrue(lines.contains("CDI absent"), out);
        assertTrue(lines.contains("STRING hello"), out);
        assertTrue(lines.contains("CACHED true 1"), out);
        assertTrue(lines.contains("JSON_AS_TEXT {\"id\":1,\"title\":\"Alien\"}"), out);
        assertTrue(lines.contains("BYTES 24"), out);
        assertTrue(lines.contains("OBJECT_TEXT hello"), out);
        assertTrue(lines.contains("POST_TEXT plain text"), out);
        assertTrue(lines.contains("NOT_FOUND NOT_FOUND {\"reason\":\"gone\"}"), out);
        assertTrue(lines.contains("PARSE " + JsonBinding.MISSING), out);
        assertTrue(lines.contains("WRITE " + JsonBinding.MISSING), out);
        assertTrue(lines.contains("DONE"), out);
    }

    /**
     * This JVM's class path with only folders of classes (api, impl, their tests) and the Caffeine jar: no JSON-B, no
     * Jakarta EE or MicroProfile API, no JUnit.
     */
    private static String libraryOnlyClassPath() {
        List<String> kept = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Files.isDirectory(Path.of(entry)) || isLibraryJar(Path.of(entry).getFileName().toString()))
                .collect(Collectors.toList());
        assertTrue(kept.stream().anyMatch(e -> e.contains("caffeine")), "Caffeine is on the class path: " + kept);
        return String.join(File.pathSeparator, kept);
    }

    private static boolean isLibraryJar(String name) {
        return name.startsWith("caffeine-") || name.startsWith("restdatasource-api-");
    }
}
