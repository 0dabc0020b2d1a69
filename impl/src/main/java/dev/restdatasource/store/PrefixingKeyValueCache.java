package dev.restdatasource.store;

import dev.restdatasource.cache.KeyValueCache;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Gives a store its own key space by putting a fixed prefix before every key (as Apollo's
 * {@code PrefixingKeyValueCache} does). Values and ttls pass through unchanged.
 *
 * <p>Thread-safety: as safe as the delegate; this class holds no mutable state.
 *
 * <p>Nullness and failure: the delegate and prefix must not be {@code null}; a {@code null} key is rejected
 * with a {@link NullPointerException} before the delegate is called. Failures of the delegate (thrown or
 * in the stage) reach the caller unchanged.
 */
public final class PrefixingKeyValueCache implements KeyValueCache {
    private final KeyValueCache delegate;
    private final String prefix;

    /** Wraps {@code delegate}; every key becomes {@code prefix + key}. An empty prefix is allowed. */
    public PrefixingKeyValueCache(KeyValueCache delegate, String prefix) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** The prefix put before every key. */
    public String prefix() {
        return prefix;
    }

    @Override
    public CompletionStage<byte[]> get(String key) {
        return delegate.get(prefixed(key));
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        return delegate.set(prefixed(key), value, ttl);
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return delegate.delete(prefixed(key));
    }

    /** The delegate's answer: prefixing never blocks. */
    @Override
    public boolean neverBlocksCaller() {
        return delegate.neverBlocksCaller();
    }

    private String prefixed(String key) {
        return prefix.concat(Objects.requireNonNull(key, "key"));
    }
}
