package dev.restdatasource.memcached;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns the engine's keys into keys memcached's text protocol accepts: at most 250 bytes, no space or control
 * character. A key of printable ASCII (0x21..0x7E) up to 250 characters is sent as it is; any other key, and any key
 * that itself starts with {@link #HASHED_PREFIX}, is sent as {@code HASHED_PREFIX} + the SHA-256 of its UTF-16 code
 * units in lower-case hex (72 characters). A key sent as it is never starts with the prefix, so it can never equal a
 * hashed one. Stateless and thread-safe.
 */
final class MemcachedKeys {
    /** The prefix of every hashed key. */
    static final String HASHED_PREFIX = "~sha256:";
    /** memcached's longest key, in bytes. */
    static final int MAX_KEY_BYTES = 250;

    private MemcachedKeys() {
    }

    /** The memcached key for {@code key}; see the class comment. */
    static String safe(String key) {
        return isSafe(key) ? key : HASHED_PREFIX + HexFormat.of().formatHex(sha256(key));
    }

    private static boolean isSafe(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_BYTES || key.startsWith(HASHED_PREFIX)) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of the key's UTF-16 code units (not of an encoding, which would replace unpaired surrogates). */
    private static byte[] sha256(String key) {
        byte[] units = new byte[key.length() * 2];
        for (int i = 0; i < key.length(); i++) {
            units[2 * i] = (byte) (key.charAt(i) >>> 8);
            units[2 * i + 1] = (byte) key.charAt(i);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(units);
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("every Java runtime has SHA-256", absent);
        }
    }
}
