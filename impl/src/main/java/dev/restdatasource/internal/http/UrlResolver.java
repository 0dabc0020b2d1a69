package dev.restdatasource.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns a path template, its values and query parameters into a URL, safely.
 *
 * <p>The template is the developer's own text and resolves against the base URL like a browser link,
 * as in Apollo. Each {@code {name}} placeholder takes the next value, percent-encoded as exactly one
 * path segment (everything but RFC 3986 unreserved characters is escaped), so a value such as
 * {@code ../admin}, {@code ?x=1}, {@code #f}, {@code //evil.example}, {@code %2e%2e} or
 * {@code https://evil.example} can neither change the host nor leave the base path (Apollo uses an absolute URL
 * given as the path as it is, whatever the base URL).
 * Values that decode to a dot segment ({@code .} or {@code ..}) or are empty are refused, since no
 * encoding can make them safe. Thread-safe; its only state is a memo of the last parsed base URL.
 */
public final class UrlResolver {
    /** The last base URL parsed by {@link #resolve}, or null; a one-entry memo shared by all threads. */
    private static volatile ParsedBase lastBase;

    private UrlResolver() {
    }

    /**
     * Resolves {@code template} against {@code baseURL}, filling placeholders with {@code values}.
     *
     * @throws IllegalArgumentException when the base URL is missing for a relative path, a value is unsafe,
     *                                  the number of values does not match, or the result is not a valid URL
     */
    public static URI resolve(String baseURL, String template, List<Object> values) {
        return resolve(baseURL, template, values, null);
    }

    /**
     * As {@link #resolve(String, String, List)}, naming {@code dataSource} (when not null) and how to give it a base
     * URL in the message of a relative path without one.
     */
    public static URI resolve(String baseURL, String template, List<Object> values, String dataSource) {
        if (template == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        String expanded = expand(template, values);
        URI reference = parse(expanded, "path");
        if (reference.isAbsolute()) {
            requireHttp(reference, expanded);
            return reference;
        }
        if (baseURL == null || baseURL.isEmpty()) {
            throw new IllegalArgumentException("Cannot resolve relative path '" + template + "': no baseURL is set"
                    + (dataSource == null ? "" : " for the data source '" + dataSource + "' (set restdatasource." + dataSource
                            + ".url in the application's configuration, or call setBaseURL in its constructor)"));
        }
        return base(baseURL).resolve(reference);
    }

    /**
     * The checked base URI of {@code baseURL}, remembered for the last base URL seen: a data source resolves
     * every call against the same one. Only valid bases are remembered, so an invalid one throws every time.
     */
    private static URI base(String baseURL) {
        ParsedBase last = lastBase;
        if (last != null && last.text().equals(baseURL)) {
            return last.uri();
        }
        URI base = parse(baseURL, "baseURL");
        if (!base.isAbsolute() || base.getHost() == null) {
            throw new IllegalArgumentException("baseURL must be an absolute http(s) URL: " + baseURL);
        }
        requireHttp(base, baseURL);
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
            // URI.resolve would glue "foo" to the host ("http://hfoo"); a browser uses "/" as the path.
            base = parse(baseURL.replaceFirst("^([^:]+://[^/?#]+)", "$1/"), "baseURL");
        }
        lastBase = new ParsedBase(baseURL, base);
        return base;
    }

    /** A base URL and its checked URI; immutable, so publishing it through a volatile field is safe. */
    private record ParsedBase(String text, URI uri) {
    }

    /** Appends form-encoded parameters after any query string already in {@code url} (as in Apollo). */
    public static URI appendParams(URI url, List<Map.Entry<String, String>> params) {
        if (params.isEmpty()) {
            return url;
        }
        String s = url.toString();
        int hash = s.indexOf('#');
        String fragment = hash >= 0 ? s.substring(hash) : "";
        StringBuilder sb = new StringBuilder(hash >= 0 ? s.substring(0, hash) : s);
        char separator = url.getRawQuery() == null ? '?' : (url.getRawQuery().isEmpty() ? 0 : '&');
        for (Map.Entry<String, String> p : params) {
            if (separator != 0) {
                sb.append(separator);
            }
            separator = '&';
            sb.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return URI.create(sb.append(fragment).toString());
    }

    static String expand(String template, List<Object> values) {
        int next = 0;
        StringBuilder sb = null;
        int copied = 0;
        for (int i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
            int end = template.indexOf('}', i);
            if (end < 0) {
                break;
            }
            String name = template.substring(i + 1, end);
            if (name.indexOf('{') >= 0 || name.indexOf('/') >= 0) {
                continue;
            }
            if (next >= values.size()) {
                throw new IllegalArgumentException("Path '" + template + "' has more placeholders than the "
                        + values.size() + " value(s) given");
            }
            if (sb == null) {
                sb = new StringBuilder(template.length() + 16);
            }
            sb.append(template, copied, i).append(encodeSegment(name, values.get(next++)));
            copied = end + 1;
            i = end;
        }
        if (next != values.size()) {
            throw new IllegalArgumentException("Path '" + template + "' has " + next + " placeholder(s) but "
                    + values.size() + " value(s) were given");
        }
        return sb == null ? template : sb.append(template, copied, template.length()).toString();
    }

    /** Percent-encodes a value as one path segment; refuses values that are dot segments or empty. */
    public static String encodeSegment(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Path value {" + name + "} is null");
        }
        String s = String.valueOf(value);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Path value {" + name + "} is empty");
        }
        if (s.equals(".") || s.equals("..")) {
            throw new IllegalArgumentException("Path value {" + name + "} must not be a dot segment: " + s);
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static URI parse(String s, String what) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid " + what + " '" + s + "': " + e.getReason(), e);
        }
    }

    private static void requireHttp(URI uri, String text) {
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Only http and https URLs are supported: " + text);
        }
    }
}
