package dev.restdatasource.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 9110 §5.6.7: a recipient parses all three HTTP-date formats. */
class Rfc9110HttpDateTest {
    private static final Instant SUN_06_NOV_1994 = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void parsesImfFixdate() {
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void parsesObsoleteRfc850Date() {
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
    }

    @Test
    void rfc850TwoDigitYearBelow70IsIn2000s() {
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), HttpDates.parse("Monday, 01-Jan-24 00:00:00 GMT"));
    }

    @Test
    void parsesAsctimeDate() {
        assertEquals(SUN_06_NOV_1994, HttpDates.parse("Sun Nov  6 08:49:37 1994"));
    }

    @Test
    void invalidDatesParseAsNull() {
        assertNull(HttpDates.parse("0"));
        assertNull(HttpDates.parse("Sun, 31 Feb 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse("Sun, 06 Foo 1994 08:49:37 GMT"));
        assertNull(HttpDates.parse(null));
    }

    @Test
    void formatsAsImfFixdateWithTwoDigitDay() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(SUN_06_NOV_1994));
    }
}
