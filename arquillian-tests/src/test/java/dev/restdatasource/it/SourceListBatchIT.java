package dev.restdatasource.it;

import static dev.restdatasource.it.BatchingIT.assertOneBatchCallPerList;
import static dev.restdatasource.it.BatchingIT.data;
import static dev.restdatasource.it.BatchingIT.freshIds;
import static dev.restdatasource.it.BatchingIT.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restdatasource.it.batch.MovieProgress;
import dev.restdatasource.it.batchfix.LibertyBatchOperations;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MicroProfile way of batching (issue 3, point 7), a {@code @Source List} batch resolver calling the batch
 * endpoint through a {@code @DataSource} Rest Client, next to a cacheable single call. On Open Liberty 26.0.0.3 it
 * runs only with {@code dev.restdatasource.it.batchfix} in the WAR, which supplies by reflection the batch operations
 * Liberty leaves out (see {@link LibertyBatchOperations}; without it: {@code BatchingIT}'s pinned NullPointerException).
 * That proves the null argument is the whole Liberty defect; the fix itself is evidence, not something to ship.
 */
@Tag("batching")
@ExtendWith(ArquillianExtension.class)
class SourceListBatchIT {
    private static final String APP = "rds-batch-list";

    /** {@code BatchingIT}'s application plus {@code dev.restdatasource.it.batchfix}. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return BatchingIT.batchApplication(APP).addPackage(LibertyBatchOperations.class.getPackage());
    }

    @Test
    void aSourceListResolverCallsTheBatchEndpointOncePerList() {
        assertOneBatchCallPerList(APP);
    }

    @Test
    void theBatchCallIsMadePerRequestWhileTheSingleCallNextToItIsCached() {
        List<String> ids = freshIds(3);
        String single = freshIds(1).get(0);
        String query = "{ movies(ids: " + list(ids) + ") { batchedProgress { movieId } }"
                + " movieProgress(id: \"" + single + "\") { movieId percent } }";

        JsonObject first = data(Server.graphql(APP, query));
        JsonObject second = data(Server.graphql(APP, query));

        assertEquals(first, second);
        assertEquals(single, second.getJsonObject("movieProgress").getString("movieId"));
        assertEquals(MovieProgress.of(single).getPercent(), second.getJsonObject("movieProgress").getInt("percent"));
        assertEquals(2, Server.counts(APP, "progress-batch/" + String.join(",", ids)).requests(),
                "one batch call per GraphQL request (the batch endpoint is no-store)");
        assertEquals(1, Server.counts(APP, "progress/" + single).requests(), "max-age=60: the second query is a cache hit");
    }
}
