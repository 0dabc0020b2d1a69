package dev.restdatasource.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.Headers;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The Cache-Control parser (RFC 9111 §5.2, RFC 9110 §5.6 list and quoted-string syntax). */
class CacheControlParserTest {

    private static ParsedCacheControl cc(String... lines) {
        return ParsedCacheControl.parse(List.of(lines));
    }

    @Test
    void directiveNamesAreCaseInsensitive() {
        ParsedCacheControl c = cc("Max-Age=60, NO-STORE");
        assertEquals(OptionalLong.of(60), c.seconds("max-age"));
        assertTrue(c.has("no-store"));
    }

    @Test
    void allFieldLinesAreCombined() {
        ParsedCacheControl c = ParsedCacheControl.of(Headers.of("cache-control", "public", "Cache-Control", "max-age=5"));
        assertTrue(c.has("public"));
        assertEquals(OptionalLong.of(5), c.seconds("max-age"));
    }

    @Test
    void whitespaceAndEmptyListMembersAreTolerated() {
        ParsedCacheControl c = cc(" ,  public ,, max-age=7 ,");
        assertEquals(List.of("public", "max-age"), c.names());
    }

    @Test
    void quotedStringArgumentIsUnquoted() {
        ParsedCacheControl c = cc("community=\"UCI\", max-age=\"60\"");
        assertEquals("UCI", c.argument("community"));
        assertEquals(OptionalLong.of(60), c.seconds("max-age"));
    }

    @Test
    void commaInsideQuotedStringDoesNotSplit() {
        ParsedCacheControl c = cc("no-cache=\"set-cookie, x-foo\", max-age=3");
        assertEquals("set-cookie, x-foo", c.argument("no-cache"));
        assertEquals(OptionalLong.of(3), c.seconds("max-age"));
        assertFalse(c.has("x-foo\""));
    }

    @Test
    void escapedQuoteInsideQuotedString() {
        assertEquals("a\"b", cc("ext=\"a\\\"b\", public").argument("ext"));
        assertTrue(cc("ext=\"a\\\"b\", public").has("public"));
    }

    @Test
    void qualifiedNoCacheAndPrivateCountAsTheUnqualifiedDirectives() {
        ParsedCacheControl c = cc("no-cache=\"set-cookie\", private=\"x-user\"");
        assertTrue(c.has("no-cache"));
        assertTrue(c.has("private"));
    }

    @Test
    void firstOccurrenceOfADuplicateNumericDirectiveWins() {
        assertEquals(OptionalLong.of(10), cc("max-age=10", "max-age=600").seconds("max-age"));
    }

    @Test
    void nonIntegerDeltaSecondsCountsAsZero() {
        assertEquals(OptionalLong.of(0), cc("max-age=1.5").seconds("max-age"));
        assertEquals(OptionalLong.of(0), cc("max-age=abc").seconds("max-age"));
    }

    @Test
    void negativeDeltaSecondsCountsAsZero() {
        assertEquals(OptionalLong.of(0), cc("max-age=-30").seconds("max-age"));
    }

    @Test
    void missingArgumentCountsAsZero() {
        assertEquals(OptionalLong.of(0), cc("max-age").seconds("max-age"));
        assertEquals(OptionalLong.of(0), cc("max-age=").seconds("max-age"));
    }

    @Test
    void deltaSecondsAbove2To31ClampTo2147483648() {
        assertEquals(OptionalLong.of(2_147_483_648L), cc("max-age=99999999999999999999999").seconds("max-age"));
        assertEquals(OptionalLong.of(2_147_483_647L), cc("max-age=2147483647").seconds("max-age"));
    }

    @Test
    void absentDirectiveHasNoSeconds() {
        assertEquals(OptionalLong.empty(), cc("public").seconds("max-age"));
        assertNull(cc("public").argument("public"));
    }

    @Test
    void noHeaderGivesNoDirectives() {
        assertTrue(ParsedCacheControl.of(Headers.empty()).names().isEmpty());
    }

    @Test
    void unterminatedQuotedStringDoesNotThrow() {
        ParsedCacheControl c = cc("ext=\"abc, max-age=5");
        assertEquals("abc, max-age=5", c.argument("ext"));
        assertFalse(c.has("max-age"));
    }
}
