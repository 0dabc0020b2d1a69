package dev.restdatasource.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.Headers;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A refused header value (it may be a token) never appears in the message; the message names the header. */
class HeaderMessagesTest {
    private static final String SECRET = "s3cr3t-token";

    static Stream<Consumer<String>> everyWayToSetAValue() {
        return Stream.of(
                v -> new DataSourceRequest("GET", List.of()).header("Authorization", v),
                v -> new DataSourceRequest("GET", List.of()).addHeader("Authorization", v),
                v -> Headers.of("Authorization", v),
                v -> Headers.of(Map.of("Authorization", List.of(v))),
                v -> Headers.builder().set("Authorization", v),
                v -> Headers.builder().add("Authorization", v),
                v -> Headers.empty().with("Authorization", v));
    }

    @ParameterizedTest
    @MethodSource("everyWayToSetAValue")
    void aValueWithCrLfOrNulIsNamedNotShown(Consumer<String> set) {
        for (String bad : List.of("Bearer " + SECRET + "\r\nX-Injected: 1", "Bearer " + SECRET + "\n", "Bearer \0" + SECRET)) {
            String message = assertThrows(IllegalArgumentException.class, () -> set.accept(bad)).getMessage();
            assertTrue(message.contains("authorization"), message);
            assertFalse(message.contains(SECRET), message);
            assertFalse(message.contains("Bearer"), message);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization: Bearer " + SECRET, "Authorization Bearer " + SECRET,
        "X-Token\r\n" + SECRET, "X-Tok\u00e9n" + SECRET})
    void anInvalidNameShowsOnlyWhatPrecedesTheInvalidCharacter(String name) {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new DataSourceRequest("GET", List.of()).header(name, "v")).getMessage();
        assertFalse(message.contains(SECRET), message);
        assertTrue(message.contains("'X-Tok") || message.contains("'Authorization..."), message);
    }
}
