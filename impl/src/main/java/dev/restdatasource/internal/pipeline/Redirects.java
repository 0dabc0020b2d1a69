package dev.restdatasource.internal.pipeline;

import dev.restdatasource.DataSourceResponse;
import dev.restdatasource.Headers;
import dev.restdatasource.internal.bridge.Urls;
import dev.restdatasource.internal.cache.Exchange;
import dev.restdatasource.internal.http.CredentialHeaders;
import dev.restdatasource.internal.http.Origins;
import java.net.URI;
import java.util.Locale;

/**
 * Decides whether and where to follow a redirect (RFC 9110 §15.4). 301, 302 and 303 turn a POST into a GET
 * without body (303: every method but HEAD); 307 and 308 keep method and body. Credentials are dropped when the
 * redirect leaves the origin, and https is never downgraded to http. The next hop keys the cache by its own URL.
 */
final class Redirects {
    private Redirects() {
    }

    /** Returns the next hop, or null to return {@code response} as it is. */
    static Exchange next(Exchange current, DataSourceResponse response, int hops, int maxRedirects, CredentialHeaders credentials) {
        int status = response.status();
        if (hops >= maxRedirects || (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)) {
            return null;
        }
        String location = response.headers().first("location");
        if (location == null) {
            return null;
        }
        URI target;
        try {
            target = current.url().resolve(location.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || (scheme.equals("http") && current.url().getScheme().equalsIgnoreCase("https"))) {
            return null;
        }
        String method = current.method();
        byte[] body = current.body();
        Headers.Builder headers = current.headers().toBuilder();
        boolean toGet = status == 303 ? !method.equals("HEAD") : (status == 301 || status == 302) && method.equals("POST");
        if (toGet) {
            method = "GET";
            body = null;
            headers.remove("content-type").remove("content-encoding").remove("content-language");
        }
        if (!sameOrigin(current.url(), target)) {
            credentials.removeFrom(headers);
        }
        String finalMethod = method;
        return new Exchange(method, target, headers.build(), body, current.timeout(), finalMethod + " " + Urls.withoutUserInfo(target), false,
                current.cacheOptions(), current.getKeyFor());
    }

    static boolean sameOrigin(URI a, URI b) {
        return Origins.same(a, b);
    }
}
