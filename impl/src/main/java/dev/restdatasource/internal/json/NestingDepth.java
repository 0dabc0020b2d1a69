package dev.restdatasource.internal.json;

/**
 * A cheap pre-scan of JSON bytes that finds whether arrays and objects nest deeper than a limit, before a parser
 * that recurses once per level (and would overflow the thread's stack) sees them. It counts {@code [} and {@code {}
 * against {@code ]} and {@code }} outside strings (a backslash escapes the next character in a string), and does not
 * check anything else: malformed input is the parser's to report. UTF-8, UTF-16 and UTF-32 (either byte order,
 * with or without a byte order mark) are told apart by the zero bytes of the first four, as RFC 4627 §3 describes;
 * the structural characters are ASCII, which no other code unit of those encodings can be mistaken for. Stateless.
 */
final class NestingDepth {
    private NestingDepth() {
    }

    /** Whether the JSON in {@code json} nests arrays and objects more than {@code max} deep; stops as soon as it knows. */
    static boolean exceeds(byte[] json, int max) {
        int width = unitWidth(json, Math.min(json.length, 4));
        boolean bigEndian = width > 1 && (json[0] == 0 || json[0] == (byte) 0xFE);
        int depth = 0;
        int unit = 0;
        int filled = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte value : json) {
            int b = value & 0xFF;
            unit = bigEndian ? unit << 8 | b : unit | b << 8 * filled;
            if (++filled < width) {
                continue;
            }
            int c = unit;
            unit = 0;
            filled = 0;
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > max) {
                    return true;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return false;
    }

    /**
     * Whether every JSON reader takes {@code json} as UTF-8 from its first byte: none of its first four bytes is zero
     * (UTF-16 and UTF-32 text has zeros there) and it does not start with a byte order mark.
     */
    static boolean isPlainUtf8(byte[] json) {
        if (json.length > 0 && (json[0] == (byte) 0xEF || json[0] == (byte) 0xFE || json[0] == (byte) 0xFF)) {
            return false;
        }
        for (int i = 0; i < Math.min(json.length, 4); i++) {
            if (json[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Bytes per code unit, from the zero bytes among the first four (a JSON text starts with an ASCII character). */
    private static int unitWidth(byte[] b, int n) {
        if (n < 2) {
            return 1;
        }
        if (n == 4 && (b[0] == 0 && b[1] == 0 || b[1] == 0 && b[2] == 0 && b[3] == 0
                || b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0)) {
            return 4;
        }
        if (b[0] == 0 || b[1] == 0 || b[0] == (byte) 0xFE && b[1] == (byte) 0xFF || b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return 2;
        }
        return 1;
    }
}
