package dev.restdatasource.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.junit.jupiter.api.Test;

/** The deployment check for the generated error-code classes: when it speaks, and what it says. */
class ErrorCodeCheckTest {
    @GraphQLApi
    static class Queries {
    }

    @Test
    void recognisesGraphQLApiClassesByTheAnnotationsName() {
        assertTrue(ErrorCodeCheck.hasGraphQLApi(Queries.class));
        assertFalse(ErrorCodeCheck.hasGraphQLApi(ErrorCodeCheckTest.class));
    }

    @Test
    void saysNothingWithoutAGraphQLApi() {
        assertNull(ErrorCodeCheck.problem(null, getClass().getClassLoader()));
    }

    @Test
    void namesTheMissingClassesAndTheFixesWhenTheApplicationLacksThem() {
        String problem = ErrorCodeCheck.problem("app.Queries", getClass().getClassLoader());
        assertNotNull(problem);
        for (String expected : new String[] {"app.Queries", "dev.restdatasource.graphql.codes.Unauthenticated",
            "dev.restdatasource.graphql.codes.InvalidUpstreamResponse", "'data-source'", "io.smallrye:smallrye-graphql-api",
            "-proc:full", "annotationProcessorPaths", "dev.restdatasource:restdatasource-api"}) {
            assertTrue(problem.contains(expected), () -> expected + " in: " + problem);
        }
    }

    @Test
    void saysNothingWhenTheApplicationHasEveryGeneratedClass() throws Exception {
        try (URLClassLoader loader = GeneratedCodes.loaderWithGeneratedClasses()) {
            assertNull(ErrorCodeCheck.problem("app.Queries", loader));
        }
    }
}
