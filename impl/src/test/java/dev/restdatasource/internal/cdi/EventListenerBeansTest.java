package dev.restdatasource.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.cache.testkit.TestContainer;
import dev.restdatasource.event.CallInfo;
import dev.restdatasource.event.CallSummary;
import dev.restdatasource.event.DataSourceEventListener;
import dev.restdatasource.internal.support.TestSource;
import dev.restdatasource.internal.support.Upstream;
import dev.restdatasource.internal.support.Upstream.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every CDI bean implementing {@link DataSourceEventListener} is in the application's configuration, and is told. */
class EventListenerBeansTest {
    @Test
    void aListenerBeanIsPickedUpAndToldOfCalls() {
        try (Upstream upstream = new Upstream();
                TestContainer container = TestContainer.boot(Map.of(), EndsListener.class)) {
            upstream.on("/m", r -> Reply.json("{}"));
            DataSourceConfig config = container.bean(DataSourceConfig.class);
            assertEquals(1, config.eventListeners().size(), config.eventListeners()::toString);
            new TestSource(config, upstream.url()).doGet("m").as(String.class);
            assertTrue(EndsListener.ENDS.contains("TestSource GET " + upstream.url() + "m 200"), EndsListener.ENDS::toString);
        }
    }

    /** A listener bean recording each call's end. */
    @ApplicationScoped
    public static class EndsListener implements DataSourceEventListener {
        static final List<String> ENDS = new CopyOnWriteArrayList<>();

        @Override
        public void callEnd(CallInfo call, CallSummary summary) {
            ENDS.add(call + " " + summary.status());
        }
    }
}
