package dev.restdatasource.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link TwoServerCacheTest} for a backend that is a client of a cache server (memcached, Redis): the test starts the
 * real server process on 127.0.0.1 at the fixed port both Liberty servers' config names, after the Liberty servers
 * (their stores connect on first use and retry), and kills it after the class. Then, with the process killed, a query
 * is still answered, from the upstream.
 */
abstract class ClientCacheTwoServersTest extends TwoServerCacheTest {
    private AutoCloseable process;

    /** Starts the cache server process on its fixed port (bounded wait until it answers); closing it kills it. */
    abstract AutoCloseable startCacheProcess();

    @BeforeAll
    void startProcess() {
        process = startCacheProcess();
    }

    @AfterAll
    void killProcess() throws Exception {
        if (process != null) {
            process.close();
        }
    }

    @Test
    @Order(2)
    void withTheCacheProcessKilledAQueryIsAnsweredFromTheUpstream() throws Exception {
        servers.query(servers.a, QUERY); // cached now, if an earlier test did not do it already
        long before = servers.upstreamCounts(servers.a).getOrDefault(UPSTREAM_CALL, 0L);
        String cached = servers.query(servers.b, QUERY);
        assertEquals(before, servers.upstreamCounts(servers.a).getOrDefault(UPSTREAM_CALL, 0L),
                "B answered from the cache while the process ran");

        process.close();
        long start = System.nanoTime();
        String answer = servers.query(servers.b, QUERY); // fails on a non-200 answer or GraphQL errors
        System.out.printf("%s: with the cache process killed, B answered in %d ms%n", backend(),
                (System.nanoTime() - start) / 1_000_000);
        assertTrue(answer.contains(TITLE), answer);
        assertEquals(cached, answer, "the same answer as from the cache");
        assertEquals(before + 1, servers.upstreamCounts(servers.a).get(UPSTREAM_CALL),
                "with the cache process killed, B's query went to the upstream");
    }
}
