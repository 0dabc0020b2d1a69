package dev.restdatasource.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A key's fingerprint in log lines: short, stable within the process, different for different keys. */
class KeyFingerprintsTest {
    @Test
    void theSameKeyHasTheSameFingerprint() {
        assertEquals(KeyFingerprints.of("httpcache:GET https://a/x"), KeyFingerprints.of("httpcache:GET https://a/x"));
    }

    @Test
    void otherKeysHaveOtherFingerprints() {
        assertNotEquals(KeyFingerprints.of("httpcache:GET https://a/x"), KeyFingerprints.of("httpcache:GET https://a/y"));
    }

    @Test
    void aFingerprintIsAHashSignAndEightHexDigits() {
        assertTrue(KeyFingerprints.of("k").matches("#[0-9a-f]{8}"), KeyFingerprints.of("k"));
        assertEquals("none", KeyFingerprints.of(null));
    }
}
