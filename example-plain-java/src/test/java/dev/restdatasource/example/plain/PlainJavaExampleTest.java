package dev.restdatasource.example.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example runs with its documented dependencies only (restdatasource-api, restdatasource-impl with Caffeine,
 * Yasson): a text answer, the same answer from the shared cache, and a JSON object.
 */
class PlainJavaExampleTest {
    @Test
    void theExampleGetsTextAndAJsonObject() throws Exception {
        try (DemoUpstream upstream = DemoUpstream.start()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PlainJavaExample.run(upstream.url(), new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertEquals(List.of(
                    "greeting: Hello from the movies API",
                    "greeting: Hello from the movies API (from the shared cache)",
                    "movie 1:  The Shawshank Redemption (1994)"), printed.toString(StandardCharsets.UTF_8).lines().toList());
            assertEquals(1, upstream.requests("/greeting"), "the second greeting came from the cache");
            assertEquals(1, upstream.requests("/movies/1"));
        }
    }

    @Test
    void mainRunsWithoutArgumentsAgainstTheDemoUpstream() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            PlainJavaExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertEquals("movie 1:  The Shawshank Redemption (1994)",
                printed.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse(""));
    }
}
