package dev.restdatasource.internal.cache;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP-date parsing and formatting (RFC 9110 §5.6.7). Parses the three formats a recipient must accept:
 * IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), obsolete RFC 850 ({@code Sunday, 06-Nov-94 08:49:37 GMT})
 * and asctime ({@code Sun Nov  6 08:49:37 1994}). Day names are not checked against the date.
 * Stateless and thread-safe.
 */
final class HttpDates {
    private static final Pattern IMF_FIXDATE =
            Pattern.compile("[A-Za-z]{3}, (\\d{1,2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");
    private static final Pattern RFC_850 =
            Pattern.compile("[A-Za-z]+, (\\d{2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");
    private static final Pattern ASCTIME =
            Pattern.compile("[A-Za-z]{3} ([A-Za-z]{3}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");
    /** The length of an IMF-fixdate with a two-digit day, the form the fast path handles. */
    private static final int IMF_FIXDATE_LENGTH = 29;
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final DateTimeFormatter IMF =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** Returns the instant, or null when {@code value} is null or in none of the three formats. */
    static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == IMF_FIXDATE_LENGTH) {
                Instant fast = parseImfFixdate(v);
                if (fast != null) {
                    return fast;
                }
            }
            Matcher m = IMF_FIXDATE.matcher(v);
            if (m.matches()) {
                return of(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
            }
            m = RFC_850.matcher(v);
            if (m.matches()) {
                // Two-digit years: 70-99 are 19xx, 00-69 are 20xx. RFC 9110 wants "more than 50 years in
                // the future means the past", which needs a clock; this fixed pivot is right until 2069.
                int yy = Integer.parseInt(m.group(3));
                String year = String.valueOf(yy >= 70 ? 1900 + yy : 2000 + yy);
                return of(year, m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
            }
            m = ASCTIME.matcher(v);
            if (m.matches()) {
                return of(m.group(6), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
            }
        } catch (DateTimeException e) {
            return null; // e.g. 31 Feb or 25:00
        }
        return null;
    }

    /**
     * Fast path for the common form: a 29-character IMF-fixdate with a two-digit day, such as
     * {@code Sun, 06 Nov 1994 08:49:37 GMT}. Accepts exactly what {@link #IMF_FIXDATE} accepts for such a
     * string (any three ASCII letters as the day name, ASCII digits only). Returns null when {@code v} does
     * not have this exact shape or names no month, so the caller falls back to the regular expressions.
     *
     * @throws DateTimeException for an impossible date or time, as {@link LocalDateTime#of} does
     */
    private static Instant parseImfFixdate(String v) {
        if (!isLetter(v.charAt(0)) || !isLetter(v.charAt(1)) || !isLetter(v.charAt(2)) || v.charAt(3) != ','
                || v.charAt(4) != ' ' || v.charAt(7) != ' ' || v.charAt(11) != ' ' || v.charAt(16) != ' '
                || v.charAt(19) != ':' || v.charAt(22) != ':' || v.charAt(25) != ' ' || v.charAt(26) != 'G'
                || v.charAt(27) != 'M' || v.charAt(28) != 'T') {
            return null;
        }
        int day = digits(v, 5, 2);
        int year = digits(v, 12, 4);
        int hour = digits(v, 17, 2);
        int minute = digits(v, 20, 2);
        int second = digits(v, 23, 2);
        if ((day | year | hour | minute | second) < 0) {
            return null;
        }
        int month = month(v.charAt(8), v.charAt(9), v.charAt(10));
        if (month == 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int result = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    /** The month number 1-12 of a case-insensitive three-letter ASCII abbreviation, or 0. */
    private static int month(char a, char b, char c) {
        if (!isLetter(a) || !isLetter(b) || !isLetter(c)) {
            return 0;
        }
        char la = (char) (a | 0x20);
        char lb = (char) (b | 0x20);
        char lc = (char) (c | 0x20);
        for (int i = 0; i < MONTHS.length(); i += 3) {
            if (MONTHS.charAt(i) == la && MONTHS.charAt(i + 1) == lb && MONTHS.charAt(i + 2) == lc) {
                return i / 3 + 1;
            }
        }
        return 0;
    }

    private static Instant of(String year, String month, String day, String hour, String minute, String second) {
        int monthIndex = MONTHS.indexOf(month.toLowerCase(Locale.ROOT));
        if (monthIndex < 0 || monthIndex % 3 != 0) {
            return null;
        }
        return LocalDateTime.of(Integer.parseInt(year), monthIndex / 3 + 1, Integer.parseInt(day),
                Integer.parseInt(hour), Integer.parseInt(minute), Integer.parseInt(second)).toInstant(ZoneOffset.UTC);
    }

    /** Formats an instant as an IMF-fixdate. */
    static String format(Instant instant) {
        return IMF.format(instant);
    }
}
