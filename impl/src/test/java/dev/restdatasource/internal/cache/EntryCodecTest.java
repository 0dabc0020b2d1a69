package dev.restdatasource.internal.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The binary entry format: every field survives a round trip, and anything else decodes to a miss (DESIGN "Stored entries"). */
class EntryCodecTest {
    private static final String KEY = "httpcache:GET https://api.example/users/1 user:AbCdEfGhIjKlMnOpQrStUv";
    private static final Instant REQUESTED = Instant.parse("2024-05-01T10:15:30.123Z");
    private static final Instant RECEIVED = Instant.parse("2024-05-01T10:15:30.987Z");

    private static StoredResponse sample(Duration ttlOverride, String varyFingerprint) {
        Headers headers = Headers.builder()
                .add("content-type", "application/octet-stream")
                .add("cache-control", "max-age=60")
                .add("link", "</a>; rel=next")
                .add("link", "</b>; rel=prev")
                .add("x-unicode", "grüße €")
                .build();
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i; // every byte value, including 0 and 0xFF
        }
        return new StoredResponse(203, headers, body, REQUESTED, RECEIVED, ttlOverride, varyFingerprint);
    }

    private static StoredResponse decodeResponse(byte[] bytes) {
        return assertInstanceOf(EntryCodec.ResponseEntry.class, EntryCodec.decode(bytes, KEY)).response();
    }

    private static void assertSameResponse(StoredResponse expected, StoredResponse actual) {
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.headers(), actual.headers());
        assertEquals(expected.headers().all("link"), actual.headers().all("link"));
        assertArrayEquals(expected.body(), actual.body());
        assertEquals(expected.requestTime(), actual.requestTime());
        assertEquals(expected.responseTime(), actual.responseTime());
        assertEquals(expected.ttlOverride(), actual.ttlOverride());
        assertEquals(expected.varyFingerprint(), actual.varyFingerprint());
    }

    @Nested
    class RoundTrip {
        @Test
        void everyFieldOfAResponseSurvives() {
            StoredResponse original = sample(null, null);
            StoredResponse decoded = decodeResponse(EntryCodec.encode(KEY, original));
            assertSameResponse(original, decoded);
            assertNull(decoded.ttlOverride());
            assertNull(decoded.varyFingerprint());
        }

        @Test
        void aTtlOverrideAndAVaryFingerprintSurvive() {
            StoredResponse original = sample(Duration.ofMillis(90_500), "q1w2e3r4t5y6u7i8o9p0aa");
            assertSameResponse(original, decodeResponse(EntryCodec.encode(KEY, original)));
        }

        @Test
        void aZeroTtlOverrideIsNotConfusedWithNone() {
            StoredResponse original = sample(Duration.ZERO, null);
            assertEquals(Duration.ZERO, decodeResponse(EntryCodec.encode(KEY, original)).ttlOverride());
        }

        @Test
        void anEmptyBodyAndNoHeadersSurvive() {
            StoredResponse original = new StoredResponse(204, Headers.empty(), new byte[0], REQUESTED, RECEIVED, null, null);
            assertSameResponse(original, decodeResponse(EntryCodec.encode(KEY, original)));
        }

        @Test
        void aVaryIndexSurvives() {
            List<String> names = List.of("accept-language", "accept-encoding", "x-tenant");
            EntryCodec.VaryIndex index = assertInstanceOf(EntryCodec.VaryIndex.class,
                    EntryCodec.decode(EntryCodec.encodeVary(KEY, names), KEY));
            assertEquals(names, index.names());
        }

        @Test
        void anEmptyVaryIndexSurvives() {
            EntryCodec.VaryIndex index = assertInstanceOf(EntryCodec.VaryIndex.class,
                    EntryCodec.decode(EntryCodec.encodeVary(KEY, List.of()), KEY));
            assertEquals(List.of(), index.names());
        }

        @Test
        void aHeaderValueOver64KiBIsStoredWhole() {
            String huge = "no-cache, " + "x".repeat(70_000); // longer than the 65,535 bytes version 1 could hold
            Headers headers = Headers.builder().add("cache-control", "public, max-age=600").add("cache-control", huge)
                    .add("x-small", "ok").build();
            StoredResponse original = new StoredResponse(200, headers, new byte[] {1}, REQUESTED, RECEIVED, null, null);
            StoredResponse decoded = decodeResponse(EntryCodec.encode(KEY, original));
            assertEquals(List.of("public, max-age=600", huge), decoded.headers().all("cache-control"));
            assertEquals("ok", decoded.headers().first("x-small"));
        }

        @Test
        void aLongHeaderNameManyHeaderLinesAndANonAsciiKeySurvive() {
            Headers.Builder builder = Headers.builder().add("x-" + "n".repeat(70_000), "v");
            for (int i = 0; i < 70_000; i++) {
                builder.add("x-line", Integer.toString(i)); // more lines than a u16 count could hold
            }
            StoredResponse original = new StoredResponse(200, builder.build(), new byte[0], REQUESTED, RECEIVED, null, null);
            String key = "httpcache:GET https://api.example/grüße";
            StoredResponse decoded = assertInstanceOf(EntryCodec.ResponseEntry.class,
                    EntryCodec.decode(EntryCodec.encode(key, original), key)).response();
            assertSameResponse(original, decoded);
            assertEquals(70_000, decoded.headers().all("x-line").size());
        }
    }

    @Nested
    class AnythingElseIsAMiss {
        private final byte[] response = EntryCodec.encode(KEY, sample(Duration.ofSeconds(5), "fp"));
        private final byte[] vary = EntryCodec.encodeVary(KEY, List.of("accept-language"));

        @Test
        void nullAndEmpty() {
            assertNull(EntryCodec.decode(null, KEY));
            assertNull(EntryCodec.decode(new byte[0], KEY));
        }

        @Test
        void garbage() {
            assertNull(EntryCodec.decode("not an entry at all".getBytes(StandardCharsets.UTF_8), KEY));
            assertNull(EntryCodec.decode("{\"policy\":{},\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8), KEY)); // an Apollo entry
        }

        @Test
        void wrongMagic() {
            for (int i = 0; i < 3; i++) {
                byte[] bytes = response.clone();
                bytes[i] ^= 0x20;
                assertNull(EntryCodec.decode(bytes, KEY), "magic byte " + i);
            }
        }

        @Test
        void anotherVersion() {
            byte[] bytes = response.clone();
            bytes[3] = (byte) (EntryCodec.VERSION + 1);
            assertNull(EntryCodec.decode(bytes, KEY));
            bytes[3] = 0;
            assertNull(EntryCodec.decode(bytes, KEY));
            bytes[3] = 1;
            assertNull(EntryCodec.decode(bytes, KEY));
        }

        @Test
        void anEntryOfVersionOne() {
            // magic, version 1, response kind, status 200, times, no TTL override, no fingerprint, no headers, empty body
            byte[] v1 = ByteBuffer.allocate(5 + 2 + 8 + 8 + 8 + 2 + 2 + 4).put(new byte[] {'R', 'D', 'C', 1, 1})
                    .putShort((short) 200).putLong(0).putLong(0).putLong(-1).putShort((short) 0).putShort((short) 0).putInt(0).array();
            assertNull(EntryCodec.decode(v1, KEY)); // it names no key and may lack a header line: read as a miss
        }

        @Test
        void anotherKeysEntry() {
            assertNull(EntryCodec.decode(response, KEY + "x"));
            assertNull(EntryCodec.decode(response, KEY.substring(0, KEY.length() - 1)));
            assertNull(EntryCodec.decode(response, "httpcache:GET https://api.example/users/1 user:someoneElse00000000"));
            assertNull(EntryCodec.decode(vary, "httpcache:GET https://api.example/other"));
            assertInstanceOf(EntryCodec.ResponseEntry.class, EntryCodec.decode(response, new String(KEY.toCharArray())));
        }

        @Test
        void aVaryIndexNamingSomethingThatIsNotAFieldName() {
            for (String name : List.of("accept language", "x:y", "grüße", "*", "")) {
                assertNull(EntryCodec.decode(EntryCodec.encodeVary(KEY, List.of("accept", name)), KEY), name);
            }
        }

        @Test
        void aHugeCountAllocatesNothing() {
            byte[] bytes = vary.clone();
            int countAt = 5 + 4 + KEY.length();
            ByteBuffer.wrap(bytes).putInt(countAt, Integer.MAX_VALUE);
            assertNull(EntryCodec.decode(bytes, KEY));
        }

        @Test
        void anUnknownKind() {
            byte[] bytes = response.clone();
            bytes[4] = 9;
            assertNull(EntryCodec.decode(bytes, KEY));
        }

        @Test
        void truncatedAtEveryLength() {
            for (byte[] whole : List.of(response, vary)) {
                for (int length = 0; length < whole.length; length++) {
                    assertNull(EntryCodec.decode(Arrays.copyOf(whole, length), KEY), "truncated to " + length + " of " + whole.length);
                }
            }
        }

        @Test
        void trailingBytes() {
            for (byte[] whole : List.of(response, vary)) {
                assertNull(EntryCodec.decode(Arrays.copyOf(whole, whole.length + 1), KEY));
                byte[] longer = Arrays.copyOf(whole, whole.length + 7);
                Arrays.fill(longer, whole.length, longer.length, (byte) 'z');
                assertNull(EntryCodec.decode(longer, KEY));
            }
        }

        @Test
        void corruptLengthsAndRandomTailsNeverThrow() {
            Random random = new Random(42);
            for (int round = 0; round < 2_000; round++) {
                byte[] bytes = (round % 2 == 0 ? response : vary).clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int at = 5 + random.nextInt(bytes.length - 5); // keep magic, version and kind: reach the key and field parser
                    bytes[at] = (byte) random.nextInt(256);
                }
                EntryCodec.Entry decoded = EntryCodec.decode(bytes, KEY); // must not throw; may or may not be readable
                if (decoded instanceof EntryCodec.ResponseEntry r) {
                    assertTrue(r.response().body().length <= bytes.length);
                }
            }
        }
    }
}
