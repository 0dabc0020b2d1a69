package dev.restdatasource.internal.health;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.cdi.DataSourceConfigProducer;
import dev.restdatasource.internal.config.DataSourceSettings;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check of the application's cache store, named {@value #NAME}, with data {@code store} (its kind),
 * {@code address} (never credentials), {@code state} ({@code up}, {@code unreachable}, {@code circuit-open}) and
 * {@code outage-fails-readiness}.
 *
 * <p>A store outage does not take the server out of rotation by default: the check stays UP and shows the outage in
 * {@code state}, because the data sources keep answering (a store failure is a miss, the call goes upstream). With
 * {@value DataSourceSettings#HEALTH_STORE_OUTAGE_FAILS_READINESS}{@code =true} the check is DOWN while the state is not
 * {@code up}.
 *
 * <p>Added as a bean by the library's CDI extension only when the MicroProfile Health API is loadable; no scope
 * annotation, so a container scanning the jar does not find it by itself. Each call reads the current state; it
 * never blocks on the store. Thread-safe.
 */
@Readiness
public class StoreHealthCheck implements HealthCheck {
    /** The check's name. */
    public static final String NAME = "restdatasource-cache-store";

    @Inject
    DataSourceConfigProducer producer;

    @Override
    public HealthCheckResponse call() {
        DataSourceSettings settings = producer.settings();
        KeyValueCache store = producer.config().cache();
        return response(StoreReport.of(store), settings.storeOutageFailsReadiness());
    }

    /** The response for {@code report}: DOWN only when the store is not up and {@code strict}. */
    public static HealthCheckResponse response(StoreReport report, boolean strict) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("store", report.name());
        data.put("address", report.address());
        data.put("state", report.state().label());
        data.put("outage-fails-readiness", strict);
        boolean up = report.state() == StoreState.UP || !strict;
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}
