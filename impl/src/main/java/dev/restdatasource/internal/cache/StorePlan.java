package dev.restdatasource.internal.cache;

import java.time.Duration;

/**
 * The policy's answer to "may this response be stored, and how".
 *
 * @param store       whether to store it
 * @param storeTtl    how long the store keeps the entry (freshness left + stale windows + revalidation
 *                    retention); positive when {@code store}
 * @param ttlOverride the freshness lifetime forced by CacheOptions, to record in the entry; null otherwise
 * @param perUser     whether the entry must be keyed by the request's credentials
 * @param reason      a short human-readable reason, for logs and tests
 */
public record StorePlan(boolean store, Duration storeTtl, Duration ttlOverride, boolean perUser, String reason) {
    /** A plan that stores nothing. */
    public static StorePlan doNotStore(String reason) {
        return new StorePlan(false, Duration.ZERO, null, false, reason);
    }
}
