package dev.restdatasource.example.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restdatasource.DataSourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Run by the surefire execution {@code without-jsonb}, whose class path lacks Yasson and the JSON-B and JSON-P APIs:
 * text answers work as usual, and reading JSON fails with a message naming the dependency to add. Skipped in any
 * other execution (e.g. one chosen with {@code -Dtest}), where JSON-B is on the class path.
 */
class WithoutJsonbTest {
    @Test
    void textAnswersNeedNoJsonbAndJsonOnesNameTheFix() throws Exception {
        assumeTrue(Boolean.getBoolean("restdatasource.example.without-jsonb"), "only in the execution without-jsonb");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("jakarta.json.bind.Jsonb"),
                "this execution runs without JSON-B");
        try (DemoUpstream upstream = DemoUpstream.start()) {
            MoviesAPI movies = new MoviesAPI(DataSourceConfig.builder().build(), upstream.url());

            assertEquals("Hello from the movies API", movies.greeting());
            IllegalStateException noJsonb = assertThrows(IllegalStateException.class, () -> movies.movie("1"));
            assertTrue(noJsonb.getMessage().contains("org.eclipse:yasson"), noJsonb.getMessage());
        }
    }
}
