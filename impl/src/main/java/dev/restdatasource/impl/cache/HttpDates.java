package dev.restdatasource.impl.cache;

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
