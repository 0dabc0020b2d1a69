package dev.restdatasource.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared settings reader: typed reads, fallbacks, and every problem collected before failing. */
class SettingsReaderTest {
    private static SettingsReader reader(Map<String, String> values) {
        return new SettingsReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500)).build());
    }

    @Test
    void valuesAreReadAndMissingOnesTakeTheFallback() {
        SettingsReader r = reader(Map.of("a.text", " as written ", "a.flag", "TRUE", "a.n", " 7 ", "a.d", "2m",
                "a.size", "512KiB", "a.list", " x , ,y ", "a.hosts", "h1:1;[::1]:2", "a.mode", " Remote "));
        assertEquals(" as written ", r.string("a.text", "f"));
        assertEquals("as written", r.trimmed("a.text").orElseThrow());
        assertEquals("f", r.string("a.none", "f"));
        assertTrue(r.bool("a.flag", false));
        assertEquals(7, r.integer("a.n", 0));
        assertEquals(7, r.nonNegativeInt("a.n", 0));
        assertEquals(Duration.ofMinutes(2), r.positiveDuration("a.d", null));
        assertEquals(512L << 10, r.bytes("a.size", 1));
        assertEquals(List.of("x", "y"), r.list("a.list", List.of()));
        assertEquals(List.of(new HostPort("h1", 1), new HostPort("::1", 2)), r.hostPorts("a.hosts", true, List.of()));
        assertEquals("remote", r.oneOf("a.mode", "embedded", "embedded", "remote"));
        assertEquals(3, r.integer("a.none", 3));
        assertEquals(List.of(), r.problems());
        r.throwIfProblems();
    }

    @Test
    void everyProblemIsCollectedBeforeFailingEachNamingItsKey() {
        SettingsReader r = reader(Map.of("p.flag", "yes", "p.n", "many", "p.d", "0s", "p.mode", "replicated",
                "p.hosts", "h:70000", "p.size", "0", "p.typo", "x"));
        assertEquals(true, r.bool("p.flag", true));
        assertEquals(1, r.integer("p.n", 1));
        assertEquals(Duration.ofSeconds(1), r.positiveDuration("p.d", Duration.ofSeconds(1)));
        assertNull(r.oneOf("p.mode", null, "embedded", "client", "remote"));
        assertEquals(List.of(), r.hostPorts("p.hosts", true, List.of()));
        assertEquals(9, r.bytes("p.size", 9));
        assertNull(r.required("p.missing"));
        for (String key : r.keysUnder("p.", List.of("p.hosts"))) {
            if (key.equals("p.typo")) {
                r.unknownKey(key, List.of("p.flag", "p.n"));
            }
        }
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, r::throwIfProblems);
        assertEquals(List.of("p.flag: 'yes' must be true or false",
                "p.n is not a whole number: many",
                "p.d: '0s' must be a positive duration",
                "p.mode must be embedded, client or remote: replicated",
                "p.hosts: 'h:70000' must be host:port with a port within 1..65535",
                "p.size: '0' is not a size in bytes > 0 (use 67108864, 512KiB, 64MiB or 1GiB)",
                "p.missing is required but not set",
                "p.typo: unknown key; the known keys are p.flag, p.n"), e.problems());
        assertTrue(e.getMessage().startsWith("p.flag: 'yes' must be true or false; p.n is not"), e.getMessage());
    }

    @Test
    void aRecordsProblemsAreCollectedWithTheKeyPrefix() {
        SettingsReader r = reader(Map.of());
        assertNull(r.check("pre.", () -> {
            throw new InvalidSettingsException(List.of("a must be set", "b must be positive: PT0S"));
        }));
        assertNull(r.check("pre.", () -> {
            throw new IllegalArgumentException("c is wrong");
        }));
        assertEquals("built", r.check("pre.", () -> "built"));
        assertEquals(List.of("pre.a must be set", "pre.b must be positive: PT0S", "pre.c is wrong"), r.problems());
    }

    @Test
    void theFirstCandidateKeySetGivesItsValueWithTheConfigurationsConverterAndItsKey() {
        SettingsReader r = reader(Map.of("b/x", " 300 ", "c/x", "7", "a/flag", "", "b/flag", "yes", "b/name", "n"));
        assertEquals(new SettingsReader.Found<>("b/x", 300L), r.first(List.of("a/x", "b/x", "c/x"), Long.class)
                .orElseThrow());
        // an empty value is unset: the next key is read; MicroProfile Config's own boolean converter applies
        assertEquals(new SettingsReader.Found<>("b/flag", true), r.first(List.of("a/flag", "b/flag"), Boolean.class)
                .orElseThrow());
        assertEquals("n", r.first(List.of("b/name"), String.class).orElseThrow().value());
        assertTrue(r.first(List.of("a/x", "z/x"), Long.class).isEmpty());
        assertTrue(new SettingsReader(null).first(List.of("b/x"), Long.class).isEmpty());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void aCandidateThatCannotBeConvertedIsAProblemAndEndsTheSearch() {
        SettingsReader r = reader(Map.of("a/x", "soon", "b/x", "5", "c/n", "1.5"));
        assertTrue(r.first(List.of("a/x", "b/x"), Long.class).isEmpty());
        assertTrue(r.first(List.of("c/n"), Integer.class).isEmpty());
        assertEquals(2, r.problems().size());
        assertTrue(r.problems().get(0).startsWith("a/x: cannot be read as Long (") && r.problems().get(0)
                .contains("soon"), r.problems().get(0));
        assertTrue(r.problems().get(1).startsWith("c/n: cannot be read as Integer ("), r.problems().get(1));
    }

    @Test
    void durationsInEveryAcceptedForm() {
        assertEquals(Duration.ofMillis(500), SettingsReader.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(90), SettingsReader.parseDuration("pt1m30s"));
        assertNull(SettingsReader.parseDuration("30"));
        assertEquals(Duration.ofSeconds(-1), reader(Map.of("d", "-PT1S")).duration("d", null));
    }

    @Test
    void withoutConfigEveryReadTakesItsFallback() {
        SettingsReader r = new SettingsReader(null);
        assertEquals(5, r.integer("x", 5));
        assertEquals(List.of(), r.keysUnder("", List.of()));
        r.throwIfProblems();
    }
}
