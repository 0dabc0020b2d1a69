package dev.restdatasource.internal.bridge;

import java.net.URI;

/**
 * URLs as keys and messages show them: without user information ({@code user:password@}), which may be a secret and
 * never reaches a cache key, a deduplication key, a log line or an error message. Stateless and thread-safe.
 */
public final class Urls {
    private Urls() {
    }

    /** Returns {@code url} as a string, without its user information when it has any. */
    public static String withoutUserInfo(URI url) {
        String text = url.toString();
        String userInfo = url.getRawUserInfo();
        if (userInfo == null) {
            return text;
        }
        int at = text.indexOf(userInfo + "@");
        return at < 0 ? text : text.substring(0, at) + text.substring(at + userInfo.length() + 1);
    }
}
