package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The binary form of what the HTTP cache keeps in a {@code KeyValueCache}: the same bytes whichever store
 * holds them, so switching stores needs no migration.
 *
 * <p>Layout (big-endian): magic {@code 'R' 'D' 'C'}, version byte (2), kind byte, the store key the entry was
 * written under (string); then for a {@linkplain #KIND_RESPONSE response}: status (u16), request and response
 * time (epoch millis, i64), TTL override (millis, i64, -1 for none), Vary fingerprint (string, empty for none),
 * header line count (i32) and name/value strings, body length (i32) and bytes; for a {@linkplain #KIND_VARY Vary
 * index}: name count (i32) and names. Strings are i32-length-prefixed UTF-8, so every header line is stored
 * whole, whatever its length: a response is stored with all of its header lines or not at all, never without
 * one of them.
 *
 * <p>An entry is tied to its key: decoding compares the stored key with the key it was read from, so a store
 * that answers with another key's value (faulty, shared, or colliding after prefixing) gives a miss, never
 * another URL's or user's response. Request headers are never written, so no Authorization, Cookie or
 * Proxy-Authorization value reaches the store; Vary compares them through a hash (the key holds only hashes).
 * Decoding anything else (another version, including version 1 entries, which neither named their key nor
 * kept long header lines; a truncated or foreign value; a Vary index naming something that is not a field
 * name) yields {@code null}: a miss, which the next store replaces. Stateless.
 */
public final class EntryCodec {
    static final byte VERSION = 2;
    static final byte KIND_RESPONSE = 1;
    static final byte KIND_VARY = 2;
    private static final byte[] MAGIC = {'R', 'D', 'C'};
    /** Bytes before the key: magic, version, kind. */
    private static final int PREAMBLE = MAGIC.length + 2;

    private EntryCodec() {
    }

    /** A decoded value: either a stored response or a Vary index naming the request headers that select a variant. */
    public sealed interface Entry permits ResponseEntry, VaryIndex {
    }

    /** A stored response. */
    public record ResponseEntry(StoredResponse response) implements Entry {
    }

    /** The lower-cased request header names a URL's responses vary on. */
    public record VaryIndex(List<String> names) implements Entry {
    }

    /** Encodes a stored response to be stored under {@code key}; every header line is kept. */
    public static byte[] encode(String key, StoredResponse r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + key.length() + r.body().length + 32 * r.headers().names().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            header(out, KIND_RESPONSE, key);
            out.writeShort(r.status());
            out.writeLong(r.requestTime().toEpochMilli());
            out.writeLong(r.responseTime().toEpochMilli());
            out.writeLong(r.ttlOverride() == null ? -1 : r.ttlOverride().toMillis());
            writeString(out, r.varyFingerprint() == null ? "" : r.varyFingerprint());
            Map<String, List<String>> fields = r.headers().asMap();
            int lines = 0;
            for (List<String> values : fields.values()) {
                lines += values.size();
            }
            out.writeInt(lines);
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                for (String value : field.getValue()) {
                    writeString(out, field.getKey());
                    writeString(out, value);
                }
            }
            out.writeInt(r.body().length);
            out.write(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Encodes a Vary index to be stored under {@code key}. */
    public static byte[] encodeVary(String key, List<String> names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + key.length() + 16 * names.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            header(out, KIND_VARY, key);
            out.writeInt(names.size());
            for (String name : names) {
                writeString(out, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a value read from the store under {@code key}; returns null when it is not a readable entry of this
     * version written under that same key.
     */
    public static Entry decode(byte[] value, String key) {
        if (value == null || value.length < PREAMBLE + 4) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(value);
            for (byte m : MAGIC) {
                if (in.get() != m) {
                    return null;
                }
            }
            if (in.get() != VERSION) {
                return null;
            }
            byte kind = in.get();
            if (!keyMatches(in, key)) {
                return null;
            }
            Entry entry;
            if (kind == KIND_RESPONSE) {
                entry = new ResponseEntry(readResponse(in));
            } else if (kind == KIND_VARY) {
                entry = readVaryIndex(in);
            } else {
                return null;
            }
            return entry == null || in.hasRemaining() ? null : entry;
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            return null;
        }
    }

    /** Reads the stored key and compares its bytes with {@code key}'s, without making a string of it. */
    private static boolean keyMatches(ByteBuffer in, String key) {
        int length = length(in, 1);
        byte[] expected = key.getBytes(StandardCharsets.UTF_8);
        int at = in.arrayOffset() + in.position();
        in.position(in.position() + length);
        return Arrays.equals(in.array(), at, at + length, expected, 0, expected.length);
    }

    private static StoredResponse readResponse(ByteBuffer in) {
        int status = Short.toUnsignedInt(in.getShort());
        Instant requestTime = Instant.ofEpochMilli(in.getLong());
        Instant responseTime = Instant.ofEpochMilli(in.getLong());
        long ttl = in.getLong();
        String fingerprint = readString(in);
        int count = length(in, 8); // a line is at least two string lengths
        Headers.Builder headers = Headers.builder();
        for (int i = 0; i < count; i++) {
            headers.add(readString(in), readString(in));
        }
        byte[] body = new byte[length(in, 1)];
        in.get(body);
        return new StoredResponse(status, headers.build(), body, requestTime, responseTime,
                ttl < 0 ? null : Duration.ofMillis(ttl), fingerprint.isEmpty() ? null : fingerprint);
    }

    /** A Vary index, or null when it names something no request field can match (see {@link Variants#canMatch}). */
    private static VaryIndex readVaryIndex(ByteBuffer in) {
        int count = length(in, 4);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(readString(in));
        }
        return Variants.canMatch(names) ? new VaryIndex(List.copyOf(names)) : null;
    }

    private static void header(DataOutputStream out, byte kind, String key) throws IOException {
        out.write(MAGIC);
        out.writeByte(VERSION);
        out.writeByte(kind);
        writeString(out, key);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in) {
        int length = length(in, 1);
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /**
     * Reads a length or count (i32) of items at least {@code unit} bytes long each, and checks that that many fit in
     * what is left, so a corrupt value never makes a large allocation.
     */
    private static int length(ByteBuffer in, int unit) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining() / unit) {
            throw new IllegalArgumentException("bad length");
        }
        return length;
    }
}
