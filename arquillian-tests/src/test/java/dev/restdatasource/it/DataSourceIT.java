package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Caching, deduplication, per-user safety and request filters of both kinds of data source, on the server under test,
 * through real GraphQL requests. Each test uses fresh ids and compares upstream counts before and after, so tests
 * sharing the deployment (and its HTTP cache) do not disturb each other.
 */
@ExtendWith(ArquillianExtension.class)
class DataSourceIT {
    private static final String APP = TestApp.CONTEXT;

    /** The main test application. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApp.main();
    }

    @Test
    void secondIdenticalQueryIsServedFromTheCache() {
        String id = fresh();
        String query = "{ movie(id: \"" + id + "\") { id title } }";

        JsonObject first = Server.graphql(APP, query);
        assertNoErrors(first);
        assertEquals("Movie " + id, first.getJsonObject("data").getJsonObject("movie").getString("title"));
        assertEquals(1, Server.counts(APP, "movies/" + id).requests());

        JsonObject second = Server.graphql(APP, query);
        assertEquals(first, second);
        assertEquals(1, Server.counts(APP, "movies/" + id).requests(), "the second query must not reach upstream");
    }

    @Test
    void restClientSecondIdenticalQueryIsServedFromTheCache() {
        String id = fresh();
        String query = "{ clientMovie(id: \"" + id + "\") { id title } }";

        assertEquals("Movie " + id, data(Server.graphql(APP, query)).getJsonObject("clientMovie").getString("title"));
        assertEquals("Movie " + id, data(Server.graphql(APP, query)).getJsonObject("clientMovie").getString("title"));
        assertEquals(1, Server.counts(APP, "movies/" + id).requests(), "the second query must not reach upstream");
    }

    @Test
    void identicalFetchesWithinOneQueryReachUpstreamOnce() {
        String id = fresh();
        JsonObject data = data(Server.graphql(APP,
                "{ a: movie(id: \"" + id + "\") { title } b: movie(id: \"" + id + "\") { title } }"));
        assertEquals("Movie " + id, data.getJsonObject("a").getString("title"));
        assertEquals("Movie " + id, data.getJsonObject("b").getString("title"));
        assertEquals(1, Server.counts(APP, "movies/" + id).requests());
    }

    @Test
    void identicalUncacheableFetchesInFlightTogetherAreDeduplicated() {
        // no-store: only deduplication, not the cache, can spare the second call
        String id = fresh();
        JsonObject data = data(Server.graphql(APP,
                "{ a: uncachedMovie(id: \"" + id + "\") { title } b: uncachedMovie(id: \"" + id + "\") { title } }"));
        assertEquals("Uncached " + id, data.getJsonObject("a").getString("title"));
        assertEquals("Uncached " + id, data.getJsonObject("b").getString("title"));
        assertEquals(1, Server.counts(APP, "uncached/" + id).requests());

        data(Server.graphql(APP, "{ uncachedMovie(id: \"" + id + "\") { title } }"));
        assertEquals(2, Server.counts(APP, "uncached/" + id).requests(), "no-store: the next GraphQL request calls again");
    }

    @Test
    void restClientIdenticalUncacheableFetchesInFlightTogetherAreDeduplicated() {
        String id = fresh();
        JsonObject data = data(Server.graphql(APP, "{ a: clientUncachedMovie(id: \"" + id + "\") { title }"
                + " b: clientUncachedMovie(id: \"" + id + "\") { title } }"));
        assertEquals("Uncached " + id, data.getJsonObject("a").getString("title"));
        assertEquals("Uncached " + id, data.getJsonObject("b").getString("title"));
        assertEquals(1, Server.counts(APP, "uncached/" + id).requests());
    }

    @Test
    void staleEntryIsRevalidatedWithItsETagAndUpstreamAnswers304() throws InterruptedException {
        assertRevalidatedWith304("freshMovie");
    }

    @Test
    void restClientStaleEntryIsRevalidatedWithItsETagAndUpstreamAnswers304() throws InterruptedException {
        assertRevalidatedWith304("clientFreshMovie");
    }

    /** Queries {@code field} (max-age=1 upstream) until the entry went stale and was revalidated. */
    private static void assertRevalidatedWith304(String field) throws InterruptedException {
        String id = fresh();
        String query = "{ " + field + "(id: \"" + id + "\") { title } }";
        assertEquals("Fresh " + id, data(Server.graphql(APP, query)).getJsonObject(field).getString("title"));
        assertEquals(new Server.Counts(1, 0), Server.counts(APP, "fresh/" + id));

        // max-age=1: within a few seconds the entry is stale and the next query revalidates it (60 s: a hang guard)
        long deadline = System.nanoTime() + 60_000_000_000L;
        Server.Counts counts;
        do {
            Thread.sleep(250);
            assertEquals("Fresh " + id, data(Server.graphql(APP, query)).getJsonObject(field).getString("title"));
            counts = Server.counts(APP, "fresh/" + id);
        } while (counts.notModified() == 0 && System.nanoTime() < deadline);

        assertEquals(1, counts.notModified(), "upstream answered 304 to the revalidation: " + counts);
        assertEquals(2, counts.requests(), "one full answer, then one revalidation: " + counts);
    }

    @Test
    void privateResponseIsNeverServedToAnotherToken() {
        String query = "{ profile { user secret } }";
        int before = Server.counts(APP, "profile").requests();

        JsonObject alice = data(Server.graphql(APP, query, "Bearer alice")).getJsonObject("profile");
        JsonObject bob = data(Server.graphql(APP, query, "Bearer bob")).getJsonObject("profile");

        assertEquals("alice", alice.getString("user"));
        assertEquals("profile secret of alice", alice.getString("secret"));
        assertEquals("bob", bob.getString("user"));
        assertEquals("profile secret of bob", bob.getString("secret"));
        assertEquals(before + 2, Server.counts(APP, "profile").requests(), "each token reaches upstream");

        JsonObject aliceAgain = data(Server.graphql(APP, query, "Bearer alice")).getJsonObject("profile");
        assertEquals("alice", aliceAgain.getString("user"));
        assertEquals(before + 3, Server.counts(APP, "profile").requests(), "private: not kept by the shared cache");
    }

    @Test
    void authenticatedResponseIsNeverServedToAnotherToken() {
        String query = "{ account { user secret } }";
        int before = Server.counts(APP, "account").requests();

        JsonObject carol = data(Server.graphql(APP, query, "Bearer carol")).getJsonObject("account");
        JsonObject dave = data(Server.graphql(APP, query, "Bearer dave")).getJsonObject("account");

        assertEquals("carol", carol.getString("user"));
        assertEquals("account secret of carol", carol.getString("secret"));
        assertEquals("dave", dave.getString("user"));
        assertEquals("account secret of dave", dave.getString("secret"));
        assertEquals(before + 2, Server.counts(APP, "account").requests(), "each token reaches upstream");
    }

    @Test
    void privateResponsesInOneQueryForTwoTokensStaySeparate() {
        // the same GraphQL request cannot carry two tokens, but concurrent requests of two users can overlap
        String query = "{ a: profile { user } b: account { user } }";
        JsonObject erin = data(Server.graphql(APP, query, "Bearer erin"));
        JsonObject frank = data(Server.graphql(APP, query, "Bearer frank"));
        assertEquals("erin", erin.getJsonObject("a").getString("user"));
        assertEquals("erin", erin.getJsonObject("b").getString("user"));
        assertEquals("frank", frank.getJsonObject("a").getString("user"));
        assertEquals("frank", frank.getJsonObject("b").getString("user"));
    }

    @Test
    void requestFilterAddsTheIncomingAuthorizationToSubclassCalls() {
        JsonObject echo = data(Server.graphql(APP, "{ echo { authorization filteredBy } }", "Bearer grace"))
                .getJsonObject("echo");
        assertEquals("Bearer grace", echo.getString("authorization"));
        assertEquals("forward-authorization", echo.getString("filteredBy"));
    }

    @Test
    void requestFilterAddsTheIncomingAuthorizationToRestClientCalls() {
        JsonObject echo = data(Server.graphql(APP, "{ clientEcho { authorization filteredBy } }", "Bearer heidi"))
                .getJsonObject("clientEcho");
        assertEquals("Bearer heidi", echo.getString("authorization"));
        assertEquals("forward-authorization", echo.getString("filteredBy"));
    }

    @Test
    void withoutAnIncomingAuthorizationTheFilterAddsNone() {
        JsonObject echo = data(Server.graphql(APP, "{ echo { authorization filteredBy } }")).getJsonObject("echo");
        assertTrue(echo.isNull("authorization"), "no Authorization header upstream: " + echo);
        assertEquals("forward-authorization", echo.getString("filteredBy"));
    }

    @Test
    void requestFilterReadsAnAttributeTheApplicationSetOnTheIncomingRequest() {
        JsonObject data = data(Server.graphql(APP, "{ echo { userAttribute } clientEcho { userAttribute } }",
                null, "X-User", "ivan"));
        assertEquals("ivan", data.getJsonObject("echo").getString("userAttribute"));
        assertEquals("ivan", data.getJsonObject("clientEcho").getString("userAttribute"));
    }

    private static String fresh() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject data(JsonObject answer) {
        assertNoErrors(answer);
        return answer.getJsonObject("data");
    }

    private static void assertNoErrors(JsonObject answer) {
        if (answer.containsKey("errors")) {
            fail("GraphQL errors: " + answer);
        }
        assertFalse(answer.isNull("data"), "no data: " + answer);
    }
}
