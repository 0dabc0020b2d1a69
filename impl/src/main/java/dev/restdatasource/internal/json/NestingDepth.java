package dev.restdatasource.internal.json;

import java.io.IOException;
import java.io.InputStream;

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

    /** Whether the JSON in {@code in} nests arrays and objects more than {@code max} deep; reads until it knows. */
    static boolean exceeds(InputStream in, int max) throws IOException {
        byte[] buffer = new byte[8192];
        int n = in.readNBytes(buffer, 0, 4);
        int width = unitWidth(buffer, n);
        boolean bigEndian = width > 1 && (buffer[0] == 0 || buffer[0] == (byte) 0xFE);
        int depth = 0;
        int unit = 0;
        int filled = 0;
        boolean inString = false;
        boolean escaped = false;
        while (n > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
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
            n = in.read(buffer);
        }
        return false;
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
