package dev.restdatasource.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How URIs and options become Lettuce URIs, and that no message shows a password. */
class RedisSettingsTest {
    @Test
    void aClusterListsItsSeedNodesEachWithTheCredentials() {
        List<RedisURI> uris = RedisSettings.cluster("redis://127.0.0.1:7000, redis://127.0.0.1:7001")
                .withCredentials("app", "s3cret").redisUris();
        assertEquals(2, uris.size());
        assertEquals(7001, uris.get(1).getPort());
        RedisCredentials credentials = uris.get(1).getCredentialsProvider().resolveCredentials().block();
        assertEquals("app", credentials.getUsername());
        assertEquals("s3cret", new String(credentials.getPassword()));
    }

    @Test
    void aSentinelUriIsOneUriWithItsSentinelsAndMaster() {
        RedisURI uri = RedisSettings.of("redis-sentinel://127.0.0.1:26379,127.0.0.1:26380#mymaster").redisUris().get(0);
        assertEquals("mymaster", uri.getSentinelMasterId());
        assertEquals(2, uri.getSentinels().size());
    }

    @Test
    void aSentinelUriIsRefusedAsClusterSeed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisSettings.cluster("redis-sentinel://127.0.0.1:26379#m"));
        assertTrue(e.getMessage().startsWith("uri: a Redis Cluster is not reached through Sentinel"), e.getMessage());
    }

    @Test
    void tlsVerifyModeAppliesToRedissUris() {
        RedisURI uri = RedisSettings.of("rediss://127.0.0.1:6380").withTls("ca", null, null).redisUris().get(0);
        assertTrue(uri.isSsl());
        assertEquals(SslVerifyMode.CA, uri.getVerifyMode());
    }

    @Test
    void messagesAndToStringNeverShowThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisSettings.of("redis://user:s3cret@127.0.0.1:1,redis://127.0.0.1:2"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("redis://***@127.0.0.1:1"), e.getMessage());
        String text = RedisSettings.of("redis://:s3cret@127.0.0.1:1").withCredentials(null, "other").toString();
        assertFalse(text.contains("s3cret") || text.contains("other"), text);
    }
}
