package dev.restdatasource.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The two-server proof for one backend (issue 4, point 5): servers {@code <backend>-a} and {@code <backend>-b}
 * run the example WAR plus the backend's jar (embedded members clustered on 127.0.0.1, or clients of one cache
 * server), and both call server A's upstream. A query on A fills the shared cache; the same query on B is answered
 * without any upstream request. Subclasses may add tests after it ({@link Order} 2 and on).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TwoServerCacheTest {
    static final String QUERY = "{ movie(id: \"1\") { id title } }";
    static final String UPSTREAM_CALL = "GET /movies/1";
    static final String TITLE = "The Shawshank Redemption";

    TwoServers servers;

    /** The prefix of the servers' names and port properties: {@code hazelcast}, {@code infinispan}, ... */
    abstract String backend();

    @BeforeAll
    void startServers() throws Exception {
        servers = TwoServers.start(backend());
    }

    @AfterAll
    void stopServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    @Order(1)
    void aQueryOnServerAFillsTheCacheAndServerBAnswersItWithoutAnUpstreamRequest() throws Exception {
        int probes = servers.awaitSharedCache();
        System.out.println(backend() + ": the servers shared their cache after " + probes + " probe(s)");
        servers.resetUpstreamCounts(servers.a);
        servers.resetUpstreamCounts(servers.b);

        String onA = servers.query(servers.a, QUERY);
        assertTrue(onA.contains(TITLE), onA);
        assertEquals(Map.of(UPSTREAM_CALL, 1L), servers.upstreamCounts(servers.a), "A's query reached the upstream once");

        String onB = servers.query(servers.b, QUERY);
        assertEquals(onA, onB, "B answers what A answered");
        assertEquals(Map.of(UPSTREAM_CALL, 1L), servers.upstreamCounts(servers.a),
                "B's query made no request to the upstream (both servers call A's)");
        assertEquals(Map.of(), servers.upstreamCounts(servers.b), "B's own upstream is never called");
    }
}
