package dev.restdatasource.internal.http;

import java.net.URI;
import java.util.Locale;

/**
 * The one same-origin test (RFC 6454 §4, with RFC 3986 §6.2.2.1 and §6.2.3 normalisation): two URIs have the
 * same origin when their schemes and hosts are equal ignoring case and their ports are equal, an absent port
 * counting as the scheme's default (80 for http, 443 for https). Used wherever credentials or cached entries
 * must not cross to another server: a redirect to another origin drops the credentials, and an unsafe request
 * invalidates only the locations on its own origin. Stateless and thread-safe.
 */
public final class Origins {
    private Origins() {
    }

    /**
     * Returns whether {@code a} and {@code b} have the same origin. A URI without a scheme or a host (relative
     * or opaque) has no origin, so it is never the same as anything.
     */
    public static boolean same(URI a, URI b) {
        String scheme = a.getScheme();
        String host = a.getHost();
        return scheme != null && scheme.equalsIgnoreCase(b.getScheme())
                && host != null && host.equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** The URI's port, or its scheme's default port when it has none; -1 for an unknown scheme without a port. */
    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }
}
