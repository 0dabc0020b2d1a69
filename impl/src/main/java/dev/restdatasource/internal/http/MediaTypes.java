package dev.restdatasource.internal.http;

import java.util.Locale;

/**
 * Media-type checks, case-insensitive and parameter-aware. Apollo's check is neither: it matches the
 * case-sensitive prefix {@code application/json} or suffix {@code +json}, so
 * {@code application/hal+json; charset=utf-8} is text there.
 */
public final class MediaTypes {
    private MediaTypes() {
    }

    /**
     * Returns whether {@code contentType} is JSON: {@code application/json} or any {@code +json} type,
     * with or without parameters, in any case ({@code application/hal+json; charset=utf-8} is JSON).
     */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim()
                .toLowerCase(Locale.ROOT);
        return essence.equals("application/json") || (essence.endsWith("+json") && essence.indexOf('/') > 0);
    }
}
