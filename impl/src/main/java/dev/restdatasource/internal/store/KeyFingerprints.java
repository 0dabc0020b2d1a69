package dev.restdatasource.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A short stand-in for a store key in log lines: eight hex digits of SHA-256 over a random per-process salt and the
 * key. The key itself holds the upstream URL (query values, path segments that may identify a user), so it is never
 * logged; the fingerprint still tells whether failures concern one entry or many, and is the same for the same key
 * within one process, but cannot be matched with a guessed URL (the salt is never shown). Thread-safe.
 */
final class KeyFingerprints {
    private static final byte[] SALT = salt();

    private KeyFingerprints() {
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    /** The fingerprint of {@code key}, {@code #} and eight hex digits; {@code none} for a null key. */
    static String of(String key) {
        if (key == null) {
            return "none";
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(SALT);
            byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
