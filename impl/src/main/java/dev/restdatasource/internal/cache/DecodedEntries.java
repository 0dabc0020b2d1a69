package dev.restdatasource.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.restdatasource.Headers;
import java.time.Duration;

/**
 * Decodes the values the HTTP cache reads ({@link EntryCodec#decode}) and, over a store that keeps its values in this
 * JVM and answers every read with the array it holds, remembers what each value decoded to, so that a hit does not
 * decode the same bytes again.
 *
 * <p>A remembered entry is used only when the store answers the same key with the very same array it was decoded
 * from (compared by identity; stored arrays are never modified, as the store contract says). Decoding is a pure
 * function of the bytes and the key, so a remembered entry is exactly what decoding would give: the key it names,
 * its Vary fingerprint and its times are those of the bytes, and every decision made from it (which variant, how
 * fresh) is made on each read as before. A value that does not decode (corrupt, another version, another key's) is
 * not remembered. What is remembered is bounded in bytes ({@link #MAX_BYTES} by default; W-TinyLFU keeps the
 * entries read most); an entry the store dropped or replaced is simply not found by identity any more and leaves with
 * eviction.
 *
 * <p>Thread-safe.
 */
final class DecodedEntries {
    /** The default bound of what is remembered: the values and their decoded forms, 8 MiB. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    /** Null when nothing is remembered (a store that returns a new array on every read). */
    private final Cache<String, Decoded> byKey;

    private DecodedEntries(Cache<String, Decoded> byKey) {
        this.byKey = byKey;
    }

    /** Decodes every read anew: for a store whose reads return new arrays (a remote one), where identity never holds. */
    static DecodedEntries decodingEachRead() {
        return new DecodedEntries(null);
    }

    /** Remembers up to {@code maxBytes} of decoded entries: for a store that returns the array it holds. */
    static DecodedEntries remembering(long maxBytes) {
        return new DecodedEntries(Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Decoded decoded) -> weigh(key, decoded.value.length))
                .executor(Runnable::run)
                .build());
    }

    /** Counts the value twice (it and the body decoded from it) plus the key and a fixed overhead for the objects. */
    private static int weigh(String key, int valueLength) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * valueLength + 2L * key.length() + 512);
    }

    /**
     * Returns what {@code value}, read from the store under {@code key}, decodes to; null when it is null or is not a
     * readable entry written under that key.
     */
    Decoded decode(byte[] value, String key) {
        if (value == null) {
            return null;
        }
        if (byKey != null) {
            Decoded known = byKey.getIfPresent(key);
            if (known != null && known.value == value) {
                return known;
            }
        }
        EntryCodec.Entry entry = EntryCodec.decode(value, key);
        if (entry == null) {
            return null;
        }
        Decoded decoded = new Decoded(value, entry);
        if (byKey != null) {
            byKey.put(key, decoded);
        }
        return decoded;
    }

    /**
     * A value and what it decodes to; for a stored response also the headers its latest hit was served with, reused
     * while the Age it states (whole seconds) stays the same.
     */
    static final class Decoded {
        private final byte[] value;
        private final EntryCodec.Entry entry;
        private volatile AgedHeaders lastServed;
        private volatile Serving.Facts facts;

        Decoded(byte[] value, EntryCodec.Entry entry) {
            this.value = value;
            this.entry = entry;
        }

        EntryCodec.Entry entry() {
            return entry;
        }

        /**
         * The {@link CachePolicy#servingFacts} of the stored response this value decodes to, computed on first use by
         * {@code policy} (the one policy of the cache that reads this value).
         *
         * @throws ClassCastException when the value is a Vary index
         */
        Serving.Facts servingFacts(CachePolicy policy) {
            Serving.Facts known = facts;
            if (known == null) {
                known = policy.servingFacts(((EntryCodec.ResponseEntry) entry).response());
                facts = known;
            }
            return known;
        }

        /**
         * The same as {@link Ages#served}{@code (stored, age)} for the stored response this value decodes to.
         *
         * @throws ClassCastException when the value is a Vary index
         */
        Headers servedHeaders(Duration age) {
            AgedHeaders last = lastServed;
            if (last != null && last.seconds == age.getSeconds()) {
                return last.headers;
            }
            Headers served = Ages.served(((EntryCodec.ResponseEntry) entry).response(), age);
            lastServed = new AgedHeaders(age.getSeconds(), served);
            return served;
        }
    }

    /** Served headers and the Age, in whole seconds, they state. */
    private record AgedHeaders(long seconds, Headers headers) {
    }
}
