package dev.restdatasource.internal.pipeline;

import dev.restdatasource.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * One-way fingerprints of header values and bodies, for keys that must tell values apart without
 * storing them (Vary'd request headers, request bodies). SHA-256, first 128 bits, base64url: the same on every
 * server, so such keys are shared through a store. Credentials are hashed with a key instead
 * ({@link dev.restdatasource.internal.http.CredentialHeaders#fingerprint}).
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** Returns a fingerprint of the values of {@code names} in {@code headers} (absent and empty differ). */
    public static String ofHeaders(List<String> names, Headers headers) {
        MessageDigest digest = sha256();
        for (String name : names) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            List<String> values = headers.all(name);
            if (values.isEmpty()) {
                digest.update((byte) 0);
            } else {
                digest.update((byte) 1);
                digest.update(String.join(",", values.stream().map(String::trim).toList()).getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) '\n');
        }
        return encode(digest.digest());
    }

    /** Returns a fingerprint of {@code bytes}. */
    public static String ofBytes(byte[] bytes) {
        return encode(sha256().digest(bytes));
    }

    private static String encode(byte[] hash) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
