package dev.restdatasource;

import java.util.List;
import java.util.Objects;

/**
 * How a call is deduplicated against identical calls of the same data-source instance, as Apollo's first layer does.
 *
 * <p>Keys are compared together with a hash of the call's credentials, so two callers with different
 * {@code Authorization} or {@code Cookie} headers never share a response (Apollo lets them share one). Failed
 * calls and error statuses are never remembered beyond the time they are in flight (Apollo memoises
 * them under {@link Kind#DEDUPLICATE_UNTIL_INVALIDATED}). Immutable.
 */
public final class DeduplicationPolicy {
    /** The three policies of Apollo's {@code requestDeduplicationPolicyFor}. */
    public enum Kind {
        /** Share a call while it is in flight; forget it when it settles. Default for GET and HEAD. */
        DEDUPLICATE_DURING_REQUEST_LIFETIME,
        /** Share a successful result until a call that lists the key in its invalidations. */
        DEDUPLICATE_UNTIL_INVALIDATED,
        /** Never share; forget the listed keys. Default for other methods (the GET and HEAD keys of the URL). */
        DO_NOT_DEDUPLICATE
    }

    private final Kind kind;
    private final String key;
    private final List<String> invalidateKeys;

    private DeduplicationPolicy(Kind kind, String key, List<String> invalidateKeys) {
        this.kind = kind;
        this.key = key;
        this.invalidateKeys = invalidateKeys;
    }

    /** Shares identical calls while the first is in flight. */
    public static DeduplicationPolicy duringRequestLifetime(String key) {
        return new DeduplicationPolicy(Kind.DEDUPLICATE_DURING_REQUEST_LIFETIME, Objects.requireNonNull(key, "key"),
                List.of());
    }

    /** Shares a successful result with every later identical call until the key is invalidated. */
    public static DeduplicationPolicy untilInvalidated(String key) {
        return new DeduplicationPolicy(Kind.DEDUPLICATE_UNTIL_INVALIDATED, Objects.requireNonNull(key, "key"),
                List.of());
    }

    /** Never shares this call, and forgets what is remembered under {@code invalidateKeys}. */
    public static DeduplicationPolicy doNotDeduplicate(List<String> invalidateKeys) {
        return new DeduplicationPolicy(Kind.DO_NOT_DEDUPLICATE, null, List.copyOf(invalidateKeys));
    }

    /** Never shares this call, and forgets what is remembered under {@code invalidateKeys}. */
    public static DeduplicationPolicy doNotDeduplicate(String... invalidateKeys) {
        return doNotDeduplicate(List.of(invalidateKeys));
    }

    /** Returns the kind of policy. */
    public Kind kind() {
        return kind;
    }

    /** Returns the deduplication key, or null for {@link Kind#DO_NOT_DEDUPLICATE}. */
    public String key() {
        return key;
    }

    /** Returns the keys this call invalidates; empty unless {@link Kind#DO_NOT_DEDUPLICATE}. */
    public List<String> invalidateKeys() {
        return invalidateKeys;
    }

    @Override
    public String toString() {
        return kind + (key != null ? " " + key : "") + (invalidateKeys.isEmpty() ? "" : " invalidates " + invalidateKeys);
    }
}
