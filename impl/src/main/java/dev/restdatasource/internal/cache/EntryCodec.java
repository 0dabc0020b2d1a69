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
import java.util.List;

/**
 * The binary form of what the HTTP cache keeps in a {@code KeyValueCache}: the same bytes whichever store
 * holds them, so switching stores needs no migration.
 *
 * <p>Layout (big-endian): magic {@code 'R' 'D' 'C'}, version byte, kind byte; then for a
 * {@linkplain #KIND_RESPONSE response}: status (u16), request and response time (epoch millis, i64),
 * TTL override (millis, i64, -1 for none), Vary fingerprint (string, empty for none), header count (u16) and
 * name/value strings, body length (i32) and bytes; for a {@linkplain #KIND_VARY Vary index}: name count
 * (u16) and names. Strings are u16-length-prefixed UTF-8 (header values longer than 65,535 bytes are not
 * stored). Request headers are never written, so no Authorization, Cookie or Proxy-Authorization value
 * reaches the store; Vary compares them through a hash. Decoding anything else (another version, a
 * truncated or foreign value) yields {@code null}: a miss, which the next store replaces. Stateless.
 */
public final class EntryCodec {
    static final byte VERSION = 1;
    static final byte KIND_RESPONSE = 1;
    static final byte KIND_VARY = 2;
    private static final byte[] MAGIC = {'R', 'D', 'C'};
    private static final int MAX_STRING = 0xFFFF;

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

    /** Encodes a stored response. */
    public static byte[] encode(StoredResponse r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + r.body().length + 32 * r.headers().names().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            header(out, KIND_RESPONSE);
            out.writeShort(r.status());
            out.writeLong(r.requestTime().toEpochMilli());
            out.writeLong(r.responseTime().toEpochMilli());
            out.writeLong(r.ttlOverride() == null ? -1 : r.ttlOverride().toMillis());
            writeString(out, r.varyFingerprint() == null ? "" : r.varyFingerprint());
            List<String[]> fields = new ArrayList<>();
            r.headers().asMap().forEach((name, values) -> values.forEach(v -> {
                if (v.getBytes(StandardCharsets.UTF_8).length <= MAX_STRING) {
                    fields.add(new String[] {name, v});
                }
            }));
            out.writeShort(Math.min(fields.size(), MAX_STRING));
            for (int i = 0; i < Math.min(fields.size(), MAX_STRING); i++) {
                writeString(out, fields.get(i)[0]);
                writeString(out, fields.get(i)[1]);
            }
            out.writeInt(r.body().length);
            out.write(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Encodes a Vary index. */
    public static byte[] encodeVary(List<String> names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 16 * names.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            header(out, KIND_VARY);
            out.writeShort(names.size());
            for (String name : names) {
                writeString(out, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a value; returns null when it is not a readable entry of this version. */
    public static Entry decode(byte[] value) {
        if (value == null || value.length < 5) {
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
            Entry entry;
            if (kind == KIND_RESPONSE) {
                entry = new ResponseEntry(readResponse(in));
            } else if (kind == KIND_VARY) {
                int count = Short.toUnsignedInt(in.getShort());
                List<String> names = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    names.add(readString(in));
                }
                entry = new VaryIndex(List.copyOf(names));
            } else {
                return null;
            }
            return in.hasRemaining() ? null : entry;
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            return null;
        }
    }

    private static StoredResponse readResponse(ByteBuffer in) {
        int status = Short.toUnsignedInt(in.getShort());
        Instant requestTime = Instant.ofEpochMilli(in.getLong());
        Instant responseTime = Instant.ofEpochMilli(in.getLong());
        long ttl = in.getLong();
        String fingerprint = readString(in);
        int count = Short.toUnsignedInt(in.getShort());
        Headers.Builder headers = Headers.builder();
        for (int i = 0; i < count; i++) {
            headers.add(readString(in), readString(in));
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad body length");
        }
        byte[] body = new byte[length];
        in.get(body);
        return new StoredResponse(status, headers.build(), body, requestTime, responseTime,
                ttl < 0 ? null : Duration.ofMillis(ttl), fingerprint.isEmpty() ? null : fingerprint);
    }

    private static void header(DataOutputStream out, byte kind) throws IOException {
        out.write(MAGIC);
        out.writeByte(VERSION);
        out.writeByte(kind);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new IllegalArgumentException("bad string length");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
