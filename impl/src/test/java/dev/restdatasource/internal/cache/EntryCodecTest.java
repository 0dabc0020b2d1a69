package dev.restdatasource.internal.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
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
        return assertInstanceOf(EntryCodec.ResponseEntry.class, EntryCodec.decode(bytes)).response();
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
            StoredResponse decoded = decodeResponse(EntryCodec.encode(original));
            assertSameResponse(original, decoded);
            assertNull(decoded.ttlOverride());
            assertNull(decoded.varyFingerprint());
        }

        @Test
        void aTtlOverrideAndAVaryFingerprintSurvive() {
            StoredResponse original = sample(Duration.ofMillis(90_500), "q1w2e3r4t5y6u7i8o9p0aa");
            assertSameResponse(original, decodeResponse(EntryCodec.encode(original)));
        }

        @Test
        void aZeroTtlOverrideIsNotConfusedWithNone() {
            StoredResponse original = sample(Duration.ZERO, null);
            assertEquals(Duration.ZERO, decodeResponse(EntryCodec.encode(original)).ttlOverride());
        }

        @Test
        void anEmptyBodyAndNoHeadersSurvive() {
            StoredResponse original = new StoredResponse(204, Headers.empty(), new byte[0], REQUESTED, RECEIVED, null, null);
            assertSameResponse(original, decodeResponse(EntryCodec.encode(original)));
        }

        @Test
        void aVaryIndexSurvives() {
            List<String> names = List.of("accept-language", "accept-encoding", "x-tenant");
            EntryCodec.VaryIndex index = assertInstanceOf(EntryCodec.VaryIndex.class,
                    EntryCodec.decode(EntryCodec.encodeVary(names)));
            assertEquals(names, index.names());
        }

        @Test
        void anEmptyVaryIndexSurvives() {
            EntryCodec.VaryIndex index = assertInstanceOf(EntryCodec.VaryIndex.class,
                    EntryCodec.decode(EntryCodec.encodeVary(List.of())));
            assertEquals(List.of(), index.names());
        }

        @Test
        void aHeaderValueTooLongForTheFormatIsLeftOutAndTheRestIsKept() {
            String huge = "x".repeat(70_000);
            Headers headers = Headers.builder().add("x-big", huge).add("x-small", "ok").build();
            StoredResponse original = new StoredResponse(200, headers, new byte[] {1}, REQUESTED, RECEIVED, null, null);
            StoredResponse decoded = decodeResponse(EntryCodec.encode(original));
            assertNull(decoded.headers().first("x-big"));
            assertEquals("ok", decoded.headers().first("x-small"));
        }
    }

    @Nested
    class AnythingElseIsAMiss {
        private final byte[] response = EntryCodec.encode(sample(Duration.ofSeconds(5), "fp"));
        private final byte[] vary = EntryCodec.encodeVary(List.of("accept-language"));

        @Test
        void nullAndEmpty() {
            assertNull(EntryCodec.decode(null));
            assertNull(EntryCodec.decode(new byte[0]));
        }

        @Test
        void garbage() {
            assertNull(EntryCodec.decode("not an entry at all".getBytes(StandardCharsets.UTF_8)));
            assertNull(EntryCodec.decode("{\"policy\":{},\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8))); // an Apollo entry
        }

        @Test
        void wrongMagic() {
            for (int i = 0; i < 3; i++) {
                byte[] bytes = response.clone();
                bytes[i] ^= 0x20;
                assertNull(EntryCodec.decode(bytes), "magic byte " + i);
            }
        }

        @Test
        void anotherVersion() {
            byte[] bytes = response.clone();
            bytes[3] = (byte) (EntryCodec.VERSION + 1);
            assertNull(EntryCodec.decode(bytes));
            bytes[3] = 0;
            assertNull(EntryCodec.decode(bytes));
        }

        @Test
        void anUnknownKind() {
            byte[] bytes = response.clone();
            bytes[4] = 9;
            assertNull(EntryCodec.decode(bytes));
        }

        @Test
        void truncatedAtEveryLength() {
            for (byte[] whole : List.of(response, vary)) {
                for (int length = 0; length < whole.length; length++) {
                    assertNull(EntryCodec.decode(Arrays.copyOf(whole, length)), "truncated to " + length + " of " + whole.length);
                }
            }
        }

        @Test
        void trailingBytes() {
            for (byte[] whole : List.of(response, vary)) {
                assertNull(EntryCodec.decode(Arrays.copyOf(whole, whole.length + 1)));
                byte[] longer = Arrays.copyOf(whole, whole.length + 7);
                Arrays.fill(longer, whole.length, longer.length, (byte) 'z');
                assertNull(EntryCodec.decode(longer));
            }
        }

        @Test
        void corruptLengthsAndRandomTailsNeverThrow() {
            Random random = new Random(42);
            for (int round = 0; round < 2_000; round++) {
                byte[] bytes = (round % 2 == 0 ? response : vary).clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int at = 5 + random.nextInt(bytes.length - 5); // keep magic, version and kind: reach the field parser
                    bytes[at] = (byte) random.nextInt(256);
                }
                EntryCodec.Entry decoded = EntryCodec.decode(bytes); // must not throw; may or may not be readable
                if (decoded instanceof EntryCodec.ResponseEntry r) {
                    assertTrue(r.response().body().length <= bytes.length);
                }
            }
        }
    }
}
