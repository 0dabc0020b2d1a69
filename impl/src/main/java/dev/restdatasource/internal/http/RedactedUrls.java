package dev.restdatasource.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs as log lines show them: without user information ({@code user:password@}), with every query value replaced
 * by {@value #MASK} (a query often carries an API key or a token; the parameter names stay, they say which call it
 * was; a query item without {@code =} is masked whole) and without the fragment. Scheme, host, port and path are kept. Stateless and thread-safe.
 */
public final class RedactedUrls {
    /** What stands in place of each query value. */
    public static final String MASK = "***";

    /** A URL inside free text (any scheme: {@code redis://} too): up to the first white space, quote or bracket. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\b[a-z][a-z0-9+.\\-]*://[^\\s\"'<>()\\[\\]{}]+");

    private RedactedUrls() {
    }

    /** Returns {@code url} redacted; null for null. */
    public static String of(URI url) {
        if (url == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        if (url.getScheme() != null) {
            out.append(url.getScheme()).append(':');
        }
        if (url.getRawAuthority() != null) {
            out.append("//");
            if (url.getHost() != null) {
                out.append(url.getHost());
                if (url.getPort() >= 0) {
                    out.append(':').append(url.getPort());
                }
            } else {
                String authority = url.getRawAuthority(); // a registry-based authority: keep what follows the '@'
                out.append(authority.substring(authority.lastIndexOf('@') + 1));
            }
        }
        if (url.isOpaque()) {
            return out.append(MASK).toString(); // mailto:... and the like: nothing of it is needed in a log
        }
        if (url.getRawPath() != null) {
            out.append(url.getRawPath());
        }
        String query = url.getRawQuery();
        if (query != null) {
            out.append('?').append(maskValues(query));
        }
        return out.toString();
    }

    /** Returns {@code text} with every URL in it ({@code scheme://...}) redacted as {@link #of} does; null for null. */
    public static String in(String text) {
        if (text == null || text.indexOf("://") < 0) {
            return text;
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ofText(m.group())));
        }
        return m.appendTail(out).toString();
    }

    /** A URL written in text: parsed when it can be, else cut to its scheme and host. */
    private static String ofText(String url) {
        try {
            return of(new URI(url));
        } catch (URISyntaxException e) {
            int start = url.indexOf("://") + 3;
            int end = start;
            while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            String authority = url.substring(start, end);
            return url.substring(0, start) + authority.substring(authority.lastIndexOf('@') + 1) + "/" + MASK;
        }
    }

    private static String maskValues(String query) {
        StringBuilder out = new StringBuilder(query.length());
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            String pair = query.substring(start, end);
            int equals = pair.indexOf('=');
            if (start > 0) {
                out.append('&');
            }
            out.append(equals < 0 ? (pair.isEmpty() ? "" : MASK) : pair.substring(0, equals + 1) + MASK);
            start = end + 1;
        }
        return out.toString();
    }
}
