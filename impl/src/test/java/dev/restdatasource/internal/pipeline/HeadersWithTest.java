package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Headers#with} is {@code toBuilder().set(name, value).build()} without copying every field's values. */
class HeadersWithTest {
    private static final List<Headers> SAMPLES = List.of(
            Headers.empty(),
            Headers.of("date", "Tue, 24 Nov 2026 10:00:00 GMT", "cache-control", "max-age=60"),
            Headers.of("age", "1", "etag", "\"a\"", "age", "2"),
            Headers.of("Vary", "accept", "AGE", "7", "x-many", "1", "x-many", "2"));

    @Test
    void sameFieldsAndOrderAsTheBuilder() {
        for (Headers headers : SAMPLES) {
            for (String name : List.of("age", "Age", "x-new", "x-many")) {
                Headers expected = headers.toBuilder().set(name, "42").build();
                Headers actual = headers.with(name, "42");
                assertEquals(expected, actual, headers + " with " + name);
                assertEquals(List.copyOf(expected.names()), List.copyOf(actual.names()), "field order");
                assertEquals(List.of("42"), actual.all(name));
            }
        }
    }

    @Test
    void leavesTheOriginalUnchanged() {
        Headers headers = Headers.of("age", "1", "etag", "\"a\"");
        headers.with("age", "9");
        assertEquals(Headers.of("age", "1", "etag", "\"a\""), headers);
    }

    @Test
    void rejectsWhatTheBuilderRejects() {
        Headers headers = Headers.of("etag", "\"a\"");
        IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class,
                () -> headers.with("age", "1\r\nx-injected: 1"));
        assertTrue(badValue.getMessage().contains("age"), badValue.getMessage());
        assertThrows(IllegalArgumentException.class, () -> headers.with("bad name", "1"));
        assertThrows(NullPointerException.class, () -> headers.with("age", null));
    }
}
