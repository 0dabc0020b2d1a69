package dev.restdatasource.internal.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * The JSON-B instance of the library: created on first use from the provider the server (or the class
 * path) supplies, then shared. Jsonb instances are thread-safe.
 */
public final class Json {
    private Json() {
    }

    private static final class Holder {
        static final Jsonb JSONB = create();

        private static Jsonb create() {
            try {
                return JsonbBuilder.create();
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("No JSON-B implementation found: Jakarta EE servers provide one; "
                        + "elsewhere add org.eclipse:yasson to the class path", e);
            }
        }
    }

    /** Returns the shared Jsonb. */
    public static Jsonb jsonb() {
        return Holder.JSONB;
    }

    /** Serializes {@code value} to UTF-8 JSON. */
    public static byte[] toJson(Object value) {
        try {
            return jsonb().toJson(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("Cannot serialize a " + value.getClass().getName() + " to JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Parses JSON from {@code in} into {@code type}; throws {@link JsonbException} on malformed input. */
    public static Object fromJson(InputStream in, Type type) {
        return jsonb().fromJson(in, type);
    }
}
