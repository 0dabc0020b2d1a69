package dev.restdatasource.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.restdatasource.it.batch.BatchQueries;
import dev.restdatasource.it.batch.MovieProgress;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Batching on Open Liberty (issue 3, point 7), through real GraphQL requests: the progress of every movie of a
 * result comes from ONE call of the upstream batch endpoint, made by a request-scoped loader through a
 * {@code @DataSource} Rest Client, next to a cacheable single call; and what the MicroProfile way, a
 * {@code @Source List} batch resolver, does on Liberty 26.0.0.3 today.
 */
@Tag("batching")
@ExtendWith(ArquillianExtension.class)
class BatchingIT {
    private static final String APP = "rds-batch";
    private static final String CONFIG = "META-INF/microprofile-config.properties";

    /** The main application plus {@code dev.restdatasource.it.batch}, with the progress client's URL. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return batchApplication(APP);
    }

    /** {@link #deployment()} deployed at {@code context} (its progress client calls that application's upstream). */
    static WebArchive batchApplication(String context) {
        WebArchive war = TestApp.withPackage(context, BatchQueries.class.getPackage());
        String settings = TestApp.settings(context)
                + "batch-progress/mp-rest/url=" + Server.base() + "/" + context + "/upstream/\n"
                + "batch-progress/mp-rest/readTimeout=2000\n";
        war.delete("WEB-INF/classes/" + CONFIG);
        return war.addAsResource(new StringAsset(settings), CONFIG);
    }

    @Test
    void progressOfFiveMoviesComesFromOneBatchCall() {
        List<String> ids = freshIds(5);
        JsonObject answer = Server.graphql(APP, "{ movies(ids: " + list(ids) + ") { id title progress { movieId percent } } }");
        JsonArray movies = data(answer).getJsonArray("movies");

        assertEquals(5, movies.size(), answer.toString());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            JsonObject movie = movies.getJsonObject(i);
            assertEquals(id, movie.getString("id"));
            assertEquals("Movie " + id, movie.getString("title"));
            JsonObject progress = movie.getJsonObject("progress");
            assertEquals(id, progress.getString("movieId"), "each movie gets its own progress: " + answer);
            assertEquals(MovieProgress.of(id).getPercent(), progress.getInt("percent"));
            assertEquals(1, Server.counts(APP, "progress-batch-item/" + id).requests(), "asked once: " + id);
            assertEquals(0, Server.counts(APP, "progress/" + id).requests(), "no single call for " + id);
        }
        assertEquals(1, Server.counts(APP, "progress-batch/" + String.join(",", ids)).requests(),
                "ONE batch call with all five ids");
    }

    @Test
    void theLoaderBatchesPerGraphQLRequest() {
        List<String> ids = freshIds(3);
        String query = "{ movies(ids: " + list(ids) + ") { progress { movieId } } }";
        data(Server.graphql(APP, query));
        data(Server.graphql(APP, query));
        assertEquals(2, Server.counts(APP, "progress-batch/" + String.join(",", ids)).requests(),
                "one batch call per GraphQL request (the batch endpoint is no-store)");
        assertEquals(2, Server.counts(APP, "progress-batch-item/" + ids.get(0)).requests());
    }

    @Test
    void singleProgressQueryIsCacheable() {
        String id = freshIds(1).get(0);
        String query = "{ movieProgress(id: \"" + id + "\") { movieId percent } }";

        JsonObject first = data(Server.graphql(APP, query)).getJsonObject("movieProgress");
        JsonObject second = data(Server.graphql(APP, query)).getJsonObject("movieProgress");

        assertEquals(id, first.getString("movieId"));
        assertEquals(MovieProgress.of(id).getPercent(), first.getInt("percent"));
        assertEquals(first, second);
        assertEquals(1, Server.counts(APP, "progress/" + id).requests(), "max-age=60: the second query is a cache hit");
    }

    /**
     * Documents an Open Liberty 26.0.0.3 bug: its {@code GraphQLServletContainerInitializer} builds SmallRye's
     * {@code ExecutionService} with null batch operations, so no DataLoader is registered and every
     * {@code @Source List} resolver (synchronous or {@code CompletionStage<List>}) fails with a
     * NullPointerException before it runs. Fails (on purpose) once Liberty runs them: then use them.
     * {@link SourceListBatchIT} shows that this null is what breaks them.
     */
    @Test
    @Tag("liberty-source-batch-bug")
    void sourceListBatchResolversFailWithANullPointerExceptionOnLiberty() {
        assumeFalse(ServerFlavor.current().runsSourceListBatchResolvers(), "this server runs them: see the next test");
        for (String field : new String[] {"batchedProgress", "asyncBatchedProgress"}) {
            List<String> ids = freshIds(2);
            JsonObject answer = Server.graphql(APP, "{ movies(ids: " + list(ids) + ") { id " + field + " { movieId } } }");
            if (!answer.containsKey("errors")) {
                fail("Liberty now runs @Source List batch resolvers (" + field + "): use them for batching, drop the"
                        + " loader workaround and this test, update docs/liberty-graphql-errors.md. Answer: " + answer);
            }
            JsonArray errors = answer.getJsonArray("errors");
            assertEquals(ids.size(), errors.size(), "one error per movie: " + answer);
            for (int i = 0; i < ids.size(); i++) {
                JsonObject error = errors.getJsonObject(i);
                assertEquals("Server Error", error.getString("message"), answer.toString());
                assertEquals(Json.createArrayBuilder().add("movies").add(i).add(field).build(), error.getJsonArray("path"));
                assertEquals(Json.createObjectBuilder()
                        .add("exception", "java.lang.NullPointerException")
                        .add("classification", "DataFetchingException")
                        .add("code", "null-pointer")
                        .build(), error.getJsonObject("extensions"), answer.toString());

                JsonObject movie = answer.getJsonObject("data").getJsonArray("movies").getJsonObject(i);
                assertEquals(ids.get(i), movie.getString("id"), "sibling fields still resolve: " + answer);
                assertTrue(movie.isNull(field), answer.toString());
                assertEquals(0, Server.counts(APP, "progress-batch-item/" + ids.get(i)).requests(),
                        "the batch resolver never ran");
            }
        }
    }

    /**
     * Where the server runs {@code @Source List} batch resolvers (WildFly with SmallRye GraphQL 2.17 bundled): each
     * resolver, synchronous or {@code CompletionStage<List>}, gets the whole list of movies and makes ONE call of the
     * batch endpoint for it; each movie gets its own progress.
     */
    @Test
    void sourceListBatchResolversCallTheBatchEndpointOncePerList() {
        assumeTrue(ServerFlavor.current().runsSourceListBatchResolvers(), "this server cannot run them: see above");
        assertOneBatchCallPerList(APP);
    }

    /**
     * In the batch application deployed as {@code app}: both {@code @Source List} resolvers, synchronous and
     * {@code CompletionStage<List>}, give each of five movies its own progress through ONE batch call.
     */
    static void assertOneBatchCallPerList(String app) {
        for (String field : new String[] {"batchedProgress", "asyncBatchedProgress"}) {
            List<String> ids = freshIds(5);
            JsonObject answer = Server.graphql(app, "{ movies(ids: " + list(ids) + ") { id " + field + " { movieId percent } } }");
            JsonArray movies = data(answer).getJsonArray("movies");
            assertEquals(ids.size(), movies.size(), answer.toString());
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                JsonObject progress = movies.getJsonObject(i).getJsonObject(field);
                assertEquals(id, progress.getString("movieId"), field + ": each movie gets its own progress: " + answer);
                assertEquals(MovieProgress.of(id).getPercent(), progress.getInt("percent"));
                assertEquals(1, Server.counts(app, "progress-batch-item/" + id).requests(), field + " asked once: " + id);
                assertEquals(0, Server.counts(app, "progress/" + id).requests(), field + ": no single call for " + id);
            }
            assertEquals(1, Server.counts(app, "progress-batch/" + String.join(",", ids)).requests(),
                    field + ": ONE batch call with all five ids");
        }
    }

    static List<String> freshIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString().substring(0, 8));
        }
        return ids;
    }

    static String list(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    static JsonObject data(JsonObject answer) {
        assertFalse(answer.containsKey("errors"), "errors: " + answer);
        return answer.getJsonObject("data");
    }
}
