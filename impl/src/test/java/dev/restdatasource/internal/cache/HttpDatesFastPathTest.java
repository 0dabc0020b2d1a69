package dev.restdatasource.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written IMF-fixdate fast path of {@link HttpDates#parse}: it must give exactly what the regular
 * expressions alone gave, for valid dates, near misses and the obsolete forms it leaves to them.
 */
class HttpDatesFastPathTest {
    private static final Instant SUN_06_NOV_1994 = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void parsesValidImfFixdates() {
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), HttpDates.parse("Thu, 29 Feb 2024 23:59:59 GMT"));
        assertEquals(Instant.parse("2000-12-31T00:00:00Z"), HttpDates.parse("  Sun, 31 Dec 2000 00:00:00 GMT\t"));
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("sun, 06 NOV 1994 08:49:37 GMT"), "case-insensitive month");
        for (int month = 1; month <= 12; month++) {
            Instant instant = LocalDateTime.of(2023, month, 15, 12, 30, 45).toInstant(ZoneOffset.UTC);
            assertEquals(instant, HttpDates.parse(HttpDates.format(instant)));
        }
    }

    @Test
    void dayNamesAreNotCheckedButMustBeThreeLetters() {
        // As before: any three ASCII letters pass as the day name, even a wrong one.
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("Mon, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("Xyz, 06 Nov 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("S1n, 06 Nov 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("Sü n, 06 Nov 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("Sün, 06 Nov 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("Sunday, 06 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void invalidDayNumbersAndTimesAreNull() {
        assertNull(HttpDates.parse("Sun, 00 Nov 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("Sun, 31 Nov 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("Thu, 29 Feb 2023 08:49:37 GMT"));
        assertNull(HttpDates.parse("Sun, 32 Dec 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("Sun, 06 Nov 1994 24:00:00 GMT"));
        assertNull(HttpDates.parse("Sun, 06 Nov 1994 08:60:37 GMT"));
        assertNull(HttpDates.parse("Sun, 06 Nov 1994 08:49:60 GMT"));
        assertNull(HttpDates.parse("Sun, 0x Nov 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("Sun, ٠٦ Nov 1994 08:49:37 GMT"), "non-ASCII digits");
        assertNull(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 UTC"));
        assertNull(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 gmt"));
        assertNull(HttpDates.parse("Sun, 06 Now 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("Sun, 06 Nov 1994 08-49-37 GMT"));
        assertNull(HttpDates.parse("Sun 06 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void oneDigitDayIsStillParsedByTheSlowPath() {
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("Sun, 6 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void obsoleteFormsAreStillParsed() {
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), HttpDates.parse("Monday, 01-Jan-24 00:00:00 GMT"));
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("Sun Nov  6 08:49:37 1994"));
        assertEquals(Instant.parse("1994-11-16T08:49:37Z"), HttpDates.parse("Wed Nov 16 08:49:37 1994"));
    }

    @Test
    void garbageIsNull() {
        for (String garbage : List.of("", " ", "0", "-1", "yesterday", "Sun, 06 Nov 1994", "GMT",
                "Sun, 06 Nov 1994 08:49:37 GMTX", "Sun, 06 Nov 1994 08:49:37 GM", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,", "Sun, 06 Nov 19944 08:49:37 GMT")) {
            assertNull(HttpDates.parse(garbage), garbage);
        }
        assertNull(HttpDates.parse(null));
    }

    /** Thousands of mutations of valid dates in all three forms: the result is exactly the regex-only one. */
    @Test
    void agreesWithTheRegexOnlyParserOnMutatedInputs() {
        Random random = new Random(42);
        String alphabet = "0123456789 ,:-abcGMTNovFebSunday\t٠é";
        List<String> seeds = List.of("Sun, 06 Nov 1994 08:49:37 GMT", "Thu, 29 Feb 2024 23:59:59 GMT",
                "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Sun, 6 Nov 1994 08:49:37 GMT");
        List<String> inputs = new ArrayList<>(seeds);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = seeds.get(random.nextInt(seeds.size())).toCharArray();
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            inputs.add(new String(chars));
        }
        for (String input : inputs) {
            assertEquals(RegexOnly.parse(input), HttpDates.parse(input), input);
        }
    }

    /** The parser as it was before the fast path, as the oracle. */
    private static final class RegexOnly {
        private static final Pattern IMF_FIXDATE =
                Pattern.compile("[A-Za-z]{3}, (\\d{1,2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");
        private static final Pattern RFC_850 =
                Pattern.compile("[A-Za-z]+, (\\d{2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");
        private static final Pattern ASCTIME =
                Pattern.compile("[A-Za-z]{3} ([A-Za-z]{3}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");
        private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

        static Instant parse(String value) {
            String v = value.trim();
            try {
                Matcher m = IMF_FIXDATE.matcher(v);
                if (m.matches()) {
                    return of(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
                }
                m = RFC_850.matcher(v);
                if (m.matches()) {
                    int yy = Integer.parseInt(m.group(3));
                    String year = String.valueOf(yy >= 70 ? 1900 + yy : 2000 + yy);
                    return of(year, m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
                }
                m = ASCTIME.matcher(v);
                if (m.matches()) {
                    return of(m.group(6), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
                }
            } catch (DateTimeException e) {
                return null;
            }
            return null;
        }

        private static Instant of(String year, String month, String day, String hour, String minute, String second) {
            int monthIndex = MONTHS.indexOf(month.toLowerCase(Locale.ROOT));
            if (monthIndex < 0 || monthIndex % 3 != 0) {
                return null;
            }
            return LocalDateTime.of(Integer.parseInt(year), monthIndex / 3 + 1, Integer.parseInt(day),
                    Integer.parseInt(hour), Integer.parseInt(minute), Integer.parseInt(second))
                    .toInstant(ZoneOffset.UTC);
        }
    }
}
