package dev.restdatasource.internal.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * The JSON-B instance of the library: created on first use from the provider the server (or the class
 * path) supplies, then shared. Jsonb instances are thread-safe.
 */
public final class Json {
    /**
     * The deepest nesting of arrays and objects a parsed body may have: deeper input fails as malformed JSON before the
     * parser, which recurses once per level, could overflow the thread's stack. GraphQL data rarely nests 20 deep.
     */
    public static final int MAX_DEPTH = 256;

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

    /** Serializes {@code value} to UTF-8 JSON; a value the serializer cannot write (even a cyclic one) is an IllegalArgumentException. */
    public static byte[] toJson(Object value) {
        try {
            return jsonb().toJson(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("Cannot serialize a " + value.getClass().getName() + " to JSON: "
                    + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("Cannot serialize a " + value.getClass().getName()
                    + " to JSON: it nests too deep (or refers to itself)");
        }
    }

    /**
     * Parses JSON from {@code in} into {@code type}; throws {@link JsonbException} on malformed input, and on input
     * that nests arrays and objects more than {@link #MAX_DEPTH} deep, found by a pre-scan before the parser sees it
     * (whatever JSON-B implementation the server provides). Should the parser still overflow its stack, that too is a
     * {@link JsonbException}, never a {@link StackOverflowError}.
     */
    public static Object fromJson(InputStream in, Type type) {
        return fromJson(in, type, MAX_DEPTH);
    }

    static Object fromJson(InputStream in, Type type, int maxDepth) {
        byte[] json;
        try {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new JsonbException("Cannot read the JSON: " + e, e);
        }
        if (NestingDepth.exceeds(json, maxDepth)) {
            throw new JsonbException("JSON nested more than " + maxDepth + " levels deep");
        }
        try {
            // Text that every reader takes as UTF-8 is decoded here: the parser's own stream decoding allocates a
            // buffer of several kilobytes per call. Anything else (UTF-16, UTF-32, a byte order mark) the
            // implementation reads and detects as it always did.
            return NestingDepth.isPlainUtf8(json) ? jsonb().fromJson(new String(json, StandardCharsets.UTF_8), type)
                    : jsonb().fromJson(new ByteArrayInputStream(json), type);
        } catch (StackOverflowError e) {
            throw new JsonbException("JSON nested too deep for the parser's stack");
        }
    }
}
