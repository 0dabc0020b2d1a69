package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.restclient.FaultToleranceFixtures.Api;
import dev.restdatasource.internal.restclient.FaultToleranceFixtures.FlakyClient;
import dev.restdatasource.internal.restclient.FaultToleranceFixtures.PlainClient;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import io.smallrye.config.inject.ConfigExtension;
import io.smallrye.faulttolerance.FaultToleranceExtension;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * MicroProfile Fault Tolerance annotations on a {@code @DataSource} Rest Client interface, in Weld SE with SmallRye
 * Fault Tolerance: the interceptors run around the whole data-source call, so each retry goes through the pipeline
 * (a 503 is neither cached nor joined by deduplication) and reaches the upstream again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestClientFaultToleranceTest {
    private final Upstream upstream = new Upstream();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private RestClientDeployment deployment;
    private Api api;

    @BeforeAll
    void start() {
        upstream.on("/ft/flaky", r -> flakyCalls.incrementAndGet() == 1 ? text(503, "busy") : text(200, "ok"))
                .on("/ft/always503", r -> text(503, "busy"))
                .on("/ft/down", r -> text(503, "down"))
                .on("/ft/broken", r -> text(500, "broken"))
                .on("/ft/slow", r -> text(200, "late").delay(1500))
                .on("/ft/fine", r -> text(200, "fine"));
        List<Class<?>> beans = new ArrayList<>(RestClientFixtures.beans());
        beans.remove(RestClientFixtures.Api.class); // its clients are not configured here
        beans.add(Api.class);
        beans.add(FaultToleranceFixtures.Unavailable.class);
        deployment = RestClientDeployment.start(Map.of("flaky/mp-rest/url", upstream.url()), beans,
                new ConfigExtension(), new FaultToleranceExtension()); // FT reads its settings by @ConfigProperty
        api = deployment.container().select(Api.class).get();
    }

    @AfterAll
    void stop() {
        deployment.close();
        upstream.close();
    }

    private static Reply text(int status, String body) {
        return Reply.status(status).header("Content-Type", "text/plain").body(body);
    }

    @Test
    void retryRunsThePipelineAgainAfterA503() {
        assertEquals("ok", deployment.inRequest(() -> api.flaky.retried("flaky")));
        assertEquals(2, upstream.count("/ft/flaky"));
    }

    @Test
    void exhaustedRetriesFailWithTheDataSourceErrorCode() {
        DataSourceException e = assertThrows(DataSourceException.class, () -> deployment.inRequest(() -> api.flaky.retried("always503")));
        assertEquals(ErrorCode.UPSTREAM_ERROR, e.code());
        assertEquals(3, upstream.count("/ft/always503"));
    }

    @Test
    void fallbackHandlerAnswersWhenTheUpstreamFails() {
        assertEquals("unavailable: DataSourceException", deployment.inRequest(() -> api.flaky.withHandler("down")));
    }

    @Test
    void fallbackMethodMayBeADefaultMethodOfTheInterface() {
        assertEquals("offline down", deployment.inRequest(() -> api.fallbackMethod.withMethod("down")));
    }

    @Test
    void timeoutInterruptsASlowUpstream() {
        assertThrows(TimeoutException.class, () -> deployment.inRequest(() -> api.flaky.timed("slow")));
    }

    @Test
    void circuitBreakerOpensWithoutCallingTheUpstream() {
        for (int i = 0; i < 2; i++) {
            assertThrows(DataSourceException.class, () -> deployment.inRequest(() -> api.flaky.guarded("broken")));
        }
        assertThrows(CircuitBreakerOpenException.class, () -> deployment.inRequest(() -> api.flaky.guarded("broken")));
        assertEquals(2, upstream.count("/ft/broken"));
    }

    @Test
    void methodsWithoutAnnotationsAndClientsWithoutBindingsWorkAsBefore() {
        assertEquals("fine", deployment.inRequest(() -> api.flaky.plain("fine")));
        assertEquals("fine", deployment.inRequest(() -> api.plain.get("fine")));
        BeanManager beanManager = deployment.container().getBeanManager();
        assertTrue(RestClientDataSourceExtension.hasInterceptorBindings(FlakyClient.class, beanManager));
        assertFalse(RestClientDataSourceExtension.hasInterceptorBindings(PlainClient.class, beanManager));
    }
}
