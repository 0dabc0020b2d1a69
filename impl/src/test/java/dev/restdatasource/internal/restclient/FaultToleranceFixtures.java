package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Rest Client interfaces carrying MicroProfile Fault Tolerance annotations, used as data sources. */
final class FaultToleranceFixtures {
    private FaultToleranceFixtures() {
    }

    /** Every method calls /ft/{path}. */
    @RegisterRestClient(configKey = "flaky")
    @Path("/")
    public interface FlakyClient {
        @GET
        @Path("ft/{path}")
        @Retry(maxRetries = 2, delay = 0, jitter = 0)
        String retried(@PathParam("path") String path);

        @GET
        @Path("ft/{path}")
        @Fallback(Unavailable.class)
        String withHandler(@PathParam("path") String path);

        @GET
        @Path("ft/{path}")
        @Timeout(300)
        String timed(@PathParam("path") String path);

        @GET
        @Path("ft/{path}")
        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
        String guarded(@PathParam("path") String path);

        @GET
        @Path("ft/{path}")
        String plain(@PathParam("path") String path);
    }

    /** Fallback handler of {@link FlakyClient#withHandler}. */
    public static class Unavailable implements FallbackHandler<String> {
        @Override
        public String handle(ExecutionContext context) {
            return "unavailable: " + context.getFailure().getClass().getSimpleName();
        }
    }

    /** A fallback method declared as a default method of the interface. */
    @RegisterRestClient(configKey = "flaky")
    @Path("/")
    public interface FallbackMethodClient {
        @GET
        @Path("ft/{path}")
        @Fallback(fallbackMethod = "offline")
        String withMethod(@PathParam("path") String path);

        /** The fallback method of {@link #withMethod}. */
        default String offline(String path) {
            return "offline " + path;
        }
    }

    /** A client without interceptor bindings. */
    @RegisterRestClient(configKey = "flaky")
    @Path("/")
    public interface PlainClient {
        @GET
        @Path("ft/{path}")
        String get(@PathParam("path") String path);
    }

    /** Injects the data sources, as a GraphQL API bean would. */
    @Dependent
    public static class Api {
        @Inject
        @DataSource
        FlakyClient flaky;

        @Inject
        @DataSource
        PlainClient plain;

        @Inject
        @DataSource
        FallbackMethodClient fallbackMethod;
    }
}
