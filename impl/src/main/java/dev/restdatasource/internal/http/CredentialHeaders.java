package dev.restdatasource.internal.http;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request header fields that carry a user's credentials, and the keyed hash that tells users apart without
 * storing who they are. The one list for every rule that must treat them apart: a response to a request carrying any
 * of them is stored by the shared cache only when the response allows it explicitly (RFC 9111 §3.5), is keyed per user
 * when stored under a per-user override, is deduplicated only among callers with the same values, and a redirect to
 * another origin drops them.
 *
 * <p>The list is always Authorization, Cookie and Proxy-Authorization ({@link #BUILT_IN}), plus the names a
 * configuration adds (an {@code X-Api-Key}, say). Per-user keys hold an HMAC-SHA256 of the credential values under a
 * secret: one drawn at random per class loader unless the configuration gives one, so a key name in a store never
 * lets anyone test guesses of a password or token; servers that share per-user entries through one store must share
 * the secret. Immutable and thread-safe.
 */
public final class CredentialHeaders {
    /** The lower-cased built-in names, first in the order that hashes of the values use. */
    public static final List<String> BUILT_IN = List.of("authorization", "cookie", "proxy-authorization");

    private static final String HMAC = "HmacSHA256";

    /** The built-in names under this class loader's random secret. */
    public static final CredentialHeaders DEFAULT = new CredentialHeaders(BUILT_IN, randomSecret());

    private final List<String> names;
    private final SecretKeySpec secret;

    private CredentialHeaders(List<String> names, byte[] secret) {
        this.names = names;
        this.secret = new SecretKeySpec(secret, HMAC);
    }

    /**
     * The built-in names plus {@code extraNames} (any case; duplicates and built-in names are ignored), with
     * {@code secret} as the hash key, or this class loader's random secret when it is null.
     *
     * @throws IllegalArgumentException for a name that is not a valid header field name, or an empty secret
     */
    public static CredentialHeaders of(Collection<String> extraNames, byte[] secret) {
        if (secret != null && secret.length == 0) {
            throw new IllegalArgumentException("The credential hash secret is empty");
        }
        TreeSet<String> extra = new TreeSet<>();
        for (String name : extraNames) {
            String normalized = Headers.normalize(name);
            if (!BUILT_IN.contains(normalized)) {
                extra.add(normalized);
            }
        }
        if (extra.isEmpty() && secret == null) {
            return DEFAULT;
        }
        List<String> names = new ArrayList<>(BUILT_IN);
        names.addAll(extra);
        return new CredentialHeaders(List.copyOf(names), secret != null ? secret.clone() : DEFAULT.secret.getEncoded());
    }

    /** The credential headers and hash secret of {@code config}. */
    public static CredentialHeaders of(DataSourceConfig config) {
        String secret = config.credentialHashSecret();
        return of(config.credentialHeaders(), secret != null ? secret.getBytes(StandardCharsets.UTF_8) : null);
    }

    /** The lower-cased names: the built-in ones, then the added ones in alphabetical order. */
    public List<String> names() {
        return names;
    }

    /** Returns whether {@code headers} carry at least one credential field. */
    public boolean present(Headers headers) {
        for (int i = 0; i < names.size(); i++) {
            if (headers.contains(names.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Removes every credential field from {@code headers} and returns it. */
    public Headers.Builder removeFrom(Headers.Builder headers) {
        for (String name : names) {
            headers.remove(name);
        }
        return headers;
    }

    /**
     * Returns a keyed hash of the credential fields of {@code headers} (every name, absent and empty told apart), or
     * "" when they carry none: 128 bits, base64url.
     */
    public String fingerprint(Headers headers) {
        if (!present(headers)) {
            return "";
        }
        Mac mac = mac();
        for (String name : names) {
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            List<String> values = headers.all(name);
            mac.update(values.isEmpty() ? (byte) 0 : (byte) 1);
            for (String value : values) {
                mac.update(value.trim().getBytes(StandardCharsets.UTF_8));
                mac.update((byte) ',');
            }
            mac.update((byte) '\n');
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(), 16));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is missing from this JDK", e);
        }
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    @Override
    public String toString() {
        return "CredentialHeaders" + names; // never the secret
    }
}
