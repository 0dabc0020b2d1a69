package dev.restdatasource.internal.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The JSON-B instance of the library: created on first use from the provider the server (or the class
 * path) supplies, then shared. Jsonb instances are thread-safe.
 *
 * <p>The only class of the pipeline that refers to JSON-B: callers ask {@link JsonBinding#require()} (or
 * {@link JsonBinding#present()}) before their first call here, and test a failure with {@link #isMalformed}
 * instead of catching JSON-B's exception, so that a data source runs without JSON-B until a body is JSON.
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
                throw new IllegalStateException(JsonBinding.MISSING, e);
            }
        }
    }

    /** Returns the shared Jsonb. */
    public static Jsonb jsonb() {
        return Holder.JSONB;
    }

    /**
     * Returns whether {@code failure}, thrown by a {@code fromJson} method, says the JSON is malformed, nested too
     * deep or does not fit the type asked for (a {@code JsonbException}), rather than something else going wrong.
     */
    public static boolean isMalformed(Throwable failure) {
        return failure instanceof JsonbException;
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
        try {
            return fromJson(in.readAllBytes(), type, maxDepth);
        } catch (IOException e) {
            throw new JsonbException("Cannot read the JSON: " + e, e);
        }
    }

    /**
     * Returns whether {@code json} nests arrays and objects more than {@link #MAX_DEPTH} deep, by the pre-scan
     * {@link #fromJson(byte[], Type)} runs: for bodies another parser (a Rest Client runtime's) will read.
     */
    public static boolean nestsTooDeep(byte[] json) {
        return NestingDepth.exceeds(json, MAX_DEPTH);
    }

    /**
     * Parses the JSON in {@code json} into {@code type}, as {@link #fromJson(InputStream, Type)} does; only reads the
     * array.
     */
    public static Object fromJson(byte[] json, Type type) {
        return fromJson(json, type, MAX_DEPTH);
    }

    static Object fromJson(byte[] json, Type type, int maxDepth) {
        if (NestingDepth.exceeds(json, maxDepth)) {
            throw new JsonbException("JSON nested more than " + maxDepth + " levels deep");
        }
        try {
            // Text that every reader takes as UTF-8 is handed over as characters: the implementation's own stream
            // decoding allocates a buffer of several kilobytes per call. ASCII, the same in UTF-8, is read off the
            // array as it is. Anything else (UTF-16, UTF-32, a byte order mark) the implementation reads and detects
            // from the bytes, as it always did.
            if (!NestingDepth.isPlainUtf8(json)) {
                return jsonb().fromJson(new ByteArrayInputStream(json), type);
            }
            return isAscii(json) ? jsonb().fromJson(new AsciiReader(json), type)
                    : jsonb().fromJson(new String(json, StandardCharsets.UTF_8), type);
        } catch (StackOverflowError e) {
            throw new JsonbException("JSON nested too deep for the parser's stack");
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads ASCII bytes as characters, one for one, without copying them first. Not thread-safe. */
    private static final class AsciiReader extends Reader {
        private final byte[] ascii;
        private int next;

        AsciiReader(byte[] ascii) {
            this.ascii = ascii;
        }

        @Override
        public int read(char[] chars, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, chars.length);
            if (length == 0) {
                return 0;
            }
            if (next == ascii.length) {
                return -1;
            }
            int n = Math.min(length, ascii.length - next);
            for (int i = 0; i < n; i++) {
                chars[offset + i] = (char) ascii[next + i];
            }
            next += n;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
