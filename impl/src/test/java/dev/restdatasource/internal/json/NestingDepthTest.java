package dev.restdatasource.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NestingDepthTest {
    private static boolean exceeds(String json, Charset charset, int max) {
        return NestingDepth.exceeds(json.getBytes(charset), max);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE"})
    void countsArraysAndObjectsInEveryJsonEncoding(String name) throws IOException {
        Charset charset = Charset.forName(name);
        assertFalse(exceeds("[{\"a\":[1]}]", charset, 3));
        assertTrue(exceeds("[{\"a\":[1]}]", charset, 2));
        assertFalse(exceeds("[[1],[2],[3],{\"b\":4}]", charset, 2)); // siblings do not add up
        // CJK characters whose UTF-16 code units hold the bytes of '[' and '{' are not brackets
        assertFalse(exceeds("[\"\u5b5b\u7b7b\u5b50\u5b66\"]", charset, 1));
    }

    @Test
    void bracketsInStringsAndEscapesDoNotCount() throws IOException {
        assertFalse(exceeds("[\"[[[[{{{{\"]", StandardCharsets.UTF_8, 1));
        assertFalse(exceeds("[\"\\\"[[[[\"]", StandardCharsets.UTF_8, 1)); // an escaped quote does not end the string
        assertFalse(exceeds("[\"\\\\\",1]", StandardCharsets.UTF_8, 1)); // an escaped backslash does not escape the quote
        assertTrue(exceeds("[\"\\\\\",[1]]", StandardCharsets.UTF_8, 1));
    }

    @Test
    void emptyAndTinyInputsAreNotTooDeep() throws IOException {
        assertFalse(exceeds("", StandardCharsets.UTF_8, 1));
        assertFalse(exceeds("1", StandardCharsets.UTF_8, 0));
        assertTrue(exceeds("[", StandardCharsets.UTF_8, 0));
    }

    @Test
    void countsAcrossBufferBoundaries() throws IOException {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertFalse(exceeds(deep, StandardCharsets.UTF_16LE, 5_000));
        assertTrue(exceeds(deep, StandardCharsets.UTF_16LE, 4_999));
        assertTrue(exceeds(deep, StandardCharsets.UTF_8, 4_999));
    }

    @Test
    void plainUtf8IsTextWithoutZerosOrAByteOrderMarkUpFront() {
        assertTrue(NestingDepth.isPlainUtf8("{\"t\":\"gr\u00fc\u00dfe \u20ac\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(NestingDepth.isPlainUtf8("1".getBytes(StandardCharsets.UTF_8)));
        assertTrue(NestingDepth.isPlainUtf8(new byte[0]));
        assertFalse(NestingDepth.isPlainUtf8("[1]".getBytes(StandardCharsets.UTF_16LE)));
        assertFalse(NestingDepth.isPlainUtf8("[1]".getBytes(StandardCharsets.UTF_16BE)));
        assertFalse(NestingDepth.isPlainUtf8("[1]".getBytes(StandardCharsets.UTF_16))); // with its byte order mark
        assertFalse(NestingDepth.isPlainUtf8("[1]".getBytes(Charset.forName("UTF-32LE"))));
        assertFalse(NestingDepth.isPlainUtf8(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '1', ']'}));
        assertFalse(NestingDepth.isPlainUtf8(new byte[] {'[', '1', 0, ']'}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE"})
    void jsonParsesEveryEncodingAsTheImplementationReadsItsStream(String name) {
        String[] texts = {"{\"title\":\"gr\u00fc\u00dfe \u20ac \ud83c\udfac\",\"n\":[1,2.5,null,true]}", "7", "[]", "\"\u65e5\u672c\""};
        for (String text : texts) {
            byte[] bytes = text.getBytes(Charset.forName(name));
            Object expected;
            try {
                expected = Json.jsonb().fromJson(new ByteArrayInputStream(bytes), Object.class);
            } catch (JsonbException e) {
                assertThrows(JsonbException.class, () -> Json.fromJson(new ByteArrayInputStream(bytes), Object.class));
                continue;
            }
            assertEquals(expected, Json.fromJson(new ByteArrayInputStream(bytes), Object.class), text + " in " + name);
        }
        StringBuilder longAscii = new StringBuilder("[");
        for (int i = 0; i < 3_000; i++) {
            longAscii.append(i).append(",\"v").append(i).append("\",");
        }
        byte[] many = longAscii.append("0]").toString().getBytes(StandardCharsets.UTF_8); // longer than a parser buffer
        assertEquals(Json.jsonb().fromJson(new ByteArrayInputStream(many), Object.class), Json.fromJson(many, Object.class));
        byte[] malformed = {'[', '"', (byte) 0xC3, '"', ']'}; // a truncated UTF-8 sequence is replaced, as the stream does
        assertEquals(Json.jsonb().fromJson(new ByteArrayInputStream(malformed), Object.class),
                Json.fromJson(new ByteArrayInputStream(malformed), Object.class));
    }

    @Test
    void jsonRefusesTooDeepInputBeforeParsingAndParsesTheRest() {
        String tooDeep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        JsonbException e = assertThrows(JsonbException.class, () -> Json.fromJson(stream(tooDeep), Object.class));
        assertTrue(e.getMessage().contains("nested more than 256 levels deep"), e.getMessage());
        assertEquals(Map.of("a", List.of()), Json.fromJson(stream("{\"a\":[]}"), Object.class));
        // a stream without mark/reset is read once into memory and then scanned and parsed
        InputStream noMark = new InputStream() {
            private final InputStream in = stream("[1]");

            @Override
            public int read() throws IOException {
                return in.read();
            }
        };
        assertEquals(List.of(java.math.BigDecimal.ONE), Json.fromJson(noMark, Object.class));
    }

    @Test
    void aParserStackOverflowIsAJsonbException() {
        String deep = "[".repeat(500_000) + "]".repeat(500_000); // without the pre-scan, deep enough for any stack
        JsonbException e = assertThrows(JsonbException.class, () -> Json.fromJson(stream(deep), Object.class, Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("too deep"), e.getMessage());
    }

    @Test
    void aSelfReferencingValueCannotBeSerializedAndSaysSo() {
        Map<String, Object> cyclic = new java.util.HashMap<>();
        cyclic.put("self", cyclic);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.toJson(cyclic));
        assertTrue(e.getMessage().contains("Cannot serialize"), e.getMessage());
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
