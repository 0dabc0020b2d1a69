package dev.restdatasource.internal.cache;

import java.util.List;
import java.util.Locale;

/**
 * The parser of a message's Cache-Control header fields (RFC 9111 §5.2), lenient.
 *
 * <ul>
 *   <li>All Cache-Control field lines are combined, as if joined by commas.</li>
 *   <li>Directive names are case-insensitive and kept lower-cased; arguments may be tokens or
 *       quoted-strings (RFC 9110 §5.6.4), and a quoted form is accepted wherever a token is expected.</li>
 *   <li>Every occurrence of a directive is passed on; the directive records keep the first.</li>
 *   <li>{@code no-cache="field"} and {@code private="field"} are kept as plain directives, so callers
 *       treat them like the unqualified forms: the conservative reading allowed by RFC 9111 §5.2.2.4/§5.2.2.7.</li>
 *   <li>{@link #deltaSeconds(String)} reads delta-seconds (RFC 9111 §1.2.2): a missing, non-integer or negative
 *       argument counts as 0 (which makes a freshness directive mean "stale"); values above 2^31 clamp
 *       to 2147483648.</li>
 * </ul>
 *
 * <p>The cache's rules read the typed {@link RequestDirectives} and {@link ResponseDirectives}, which
 * {@link #forEach} fills in one pass. Stateless. Never throws on malformed input: unparseable fragments are
 * skipped.
 */
final class CacheControl {
    /** The largest delta-seconds value kept (RFC 9111 §1.2.2). */
    static final long MAX_DELTA_SECONDS = 2_147_483_648L;

    /** The value of a delta-seconds directive that is not there, in the typed directive records. */
    static final long ABSENT = -1;

    private CacheControl() {
    }

    /** Receives each directive of a Cache-Control list in order, duplicates included. */
    @FunctionalInterface
    interface Sink {
        /** One directive: its lower-cased name and its unquoted argument, or null when it had none. */
        void directive(String name, String argument);
    }

    /** Hands every directive of these field lines, as one combined list, to {@code sink} in order. */
    static void forEach(List<String> fieldLines, Sink sink) {
        for (int i = 0; i < fieldLines.size(); i++) {
            parseLine(fieldLines.get(i), sink);
        }
    }

    private static void parseLine(String line, Sink sink) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            // name: up to '=', ',' or end
            int nameStart = i;
            while (i < n && line.charAt(i) != '=' && line.charAt(i) != ',') {
                i++;
            }
            String name = line.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            String argument = null;
            if (i < n && line.charAt(i) == '=') {
                i++;
                while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                if (i < n && line.charAt(i) == '"') {
                    StringBuilder value = new StringBuilder();
                    i++;
                    while (i < n && line.charAt(i) != '"') {
                        if (line.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        value.append(line.charAt(i));
                        i++;
                    }
                    i++; // closing quote (or past the end if it was missing)
                    argument = value.toString();
                    while (i < n && line.charAt(i) != ',') {
                        i++; // junk after a quoted-string is ignored
                    }
                } else {
                    int valueStart = i;
                    while (i < n && line.charAt(i) != ',') {
                        i++;
                    }
                    argument = line.substring(valueStart, i).trim();
                }
            }
            i++; // the comma
            if (!name.isEmpty()) {
                sink.directive(name, argument);
            }
        }
    }

    /** Parses delta-seconds: 0 when invalid, clamped to {@link #MAX_DELTA_SECONDS}. */
    static long deltaSeconds(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            result = result * 10 + (c - '0');
            if (result > MAX_DELTA_SECONDS) {
                return MAX_DELTA_SECONDS;
            }
        }
        return result;
    }

    /**
     * The delta-seconds of a directive seen again: {@code current} when an earlier occurrence set it (it is not
     * {@link #ABSENT}), else {@code argument} read as delta-seconds. Keeps the first occurrence.
     */
    static long firstSeconds(long current, String argument) {
        return current != ABSENT ? current : deltaSeconds(argument);
    }
}
