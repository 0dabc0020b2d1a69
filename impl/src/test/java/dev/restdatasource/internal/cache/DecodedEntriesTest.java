package dev.restdatasource.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.restdatasource.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the HTTP cache remembers of decoded values: only ever what decoding the same bytes under the same key gives. */
class DecodedEntriesTest {
    private static final String KEY = "httpcache:GET https://api.example/movies/1";
    private static final Instant RECEIVED = Instant.parse("2024-05-01T10:15:30Z");

    private static byte[] response(String key, String body) {
        StoredResponse stored = new StoredResponse(200, Headers.of("cache-control", "max-age=60", "age", "3"),
                body.getBytes(StandardCharsets.UTF_8), RECEIVED, RECEIVED, null, null);
        return EntryCodec.encode(key, stored);
    }

    private static String body(DecodedEntries.Decoded decoded) {
        StoredResponse stored = assertInstanceOf(EntryCodec.ResponseEntry.class, decoded.entry()).response();
        return new String(stored.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theSameArrayUnderTheSameKeyIsDecodedOnce() {
        DecodedEntries entries = DecodedEntries.remembering(DecodedEntries.MAX_BYTES);
        byte[] value = response(KEY, "{\"id\":1}");
        DecodedEntries.Decoded first = entries.decode(value, KEY);
        assertSame(first, entries.decode(value, KEY));
        assertEquals("{\"id\":1}", body(first));
    }

    @Test
    void anotherArrayIsDecodedAgainEvenWithTheSameBytes() {
        DecodedEntries entries = DecodedEntries.remembering(DecodedEntries.MAX_BYTES);
        byte[] value = response(KEY, "{\"id\":1}");
        DecodedEntries.Decoded first = entries.decode(value, KEY);
        DecodedEntries.Decoded again = entries.decode(value.clone(), KEY);
        assertNotSame(first, again);
        assertEquals(body(first), body(again));
        byte[] replaced = response(KEY, "{\"id\":2}");
        assertEquals("{\"id\":2}", body(entries.decode(replaced, KEY))); // the store replaced the value: the new one counts
    }

    @Test
    void aRememberedValueNeverAnswersForAnotherKey() {
        DecodedEntries entries = DecodedEntries.remembering(DecodedEntries.MAX_BYTES);
        byte[] value = response(KEY, "{\"id\":1}");
        entries.decode(value, KEY);
        assertNull(entries.decode(value, KEY + " user:abc")); // the entry names its key: another key's read is a miss
        assertSame(entries.decode(value, KEY), entries.decode(value, KEY));
    }

    @Test
    void whatDoesNotDecodeIsAMissAndIsNotRemembered() {
        DecodedEntries entries = DecodedEntries.remembering(DecodedEntries.MAX_BYTES);
        byte[] corrupt = {'R', 'D', 'C', 9, 1, 0, 0, 0, 0};
        assertNull(entries.decode(corrupt, KEY));
        assertNull(entries.decode(corrupt, KEY));
        assertNull(entries.decode(null, KEY));
    }

    @Test
    void aVaryIndexIsRememberedLikeAResponse() {
        DecodedEntries entries = DecodedEntries.remembering(DecodedEntries.MAX_BYTES);
        byte[] index = EntryCodec.encodeVary(KEY, List.of("accept-language"));
        DecodedEntries.Decoded decoded = entries.decode(index, KEY);
        assertEquals(List.of("accept-language"), assertInstanceOf(EntryCodec.VaryIndex.class, decoded.entry()).names());
        assertSame(decoded, entries.decode(index, KEY));
    }

    @Test
    void decodingEachReadRemembersNothing() {
        DecodedEntries entries = DecodedEntries.decodingEachRead();
        byte[] value = response(KEY, "{\"id\":1}");
        assertNotSame(entries.decode(value, KEY), entries.decode(value, KEY));
        assertNull(entries.decode(value, "httpcache:GET https://api.example/movies/2"));
    }

    @Test
    void servedHeadersAreThoseOfAgesServedAndFollowTheAge() {
        DecodedEntries.Decoded decoded = DecodedEntries.remembering(DecodedEntries.MAX_BYTES).decode(response(KEY, "{}"), KEY);
        StoredResponse stored = ((EntryCodec.ResponseEntry) decoded.entry()).response();
        Headers atTen = decoded.servedHeaders(Duration.ofMillis(10_400));
        assertEquals(Ages.served(stored, Duration.ofSeconds(10)), atTen);
        assertEquals("10", atTen.first("age"));
        assertSame(atTen, decoded.servedHeaders(Duration.ofMillis(10_900))); // the same whole second: reused
        assertEquals("11", decoded.servedHeaders(Duration.ofSeconds(11)).first("age"));
        assertEquals("3", decoded.servedHeaders(Duration.ofSeconds(3)).first("age"));
        assertEquals(Ages.served(stored, Duration.ofSeconds(3)), decoded.servedHeaders(Duration.ofSeconds(3)));
    }
    @Test
    void rememberedServingFactsDecideAsTheStoredResponseDoes() {
        CachePolicy policy = new CachePolicy();
        StoredResponse stored = new StoredResponse(200, Headers.of("cache-control", "max-age=60, stale-while-revalidate=30",
                "age", "5", "date", "Wed, 01 May 2024 10:15:28 GMT", "etag", "\"v1\""), new byte[] {'{', '}'},
                RECEIVED.minusSeconds(1), RECEIVED, null, null);
        DecodedEntries.Decoded decoded = DecodedEntries.remembering(DecodedEntries.MAX_BYTES)
                .decode(EntryCodec.encode(KEY, stored), KEY);
        StoredResponse read = ((EntryCodec.ResponseEntry) decoded.entry()).response();
        Serving.Facts facts = decoded.servingFacts(policy);
        assertSame(facts, decoded.servingFacts(policy));
        for (String cacheControl : List.of("", "no-cache", "max-age=10", "min-fresh=30", "max-stale=100", "only-if-cached")) {
            CacheRequest request = new CacheRequest("GET", cacheControl.isEmpty() ? Headers.empty() : Headers.of("cache-control", cacheControl));
            for (long seconds : new long[] {0, 20, 54, 55, 70, 84, 85, 200}) {
                Instant now = RECEIVED.plusSeconds(seconds);
                assertEquals(policy.lookup(request, read, now), policy.lookup(request, read, facts, now), cacheControl + " at +" + seconds + "s");
            }
        }
    }
}
