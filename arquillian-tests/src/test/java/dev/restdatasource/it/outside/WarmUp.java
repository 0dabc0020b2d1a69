package dev.restdatasource.it.outside;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A startup warm-up: when the application starts, calls both kinds of data source in a request context that
 * {@code @ActivateRequestContext} opens for this method, and keeps what they answered for {@link OutsideResource}.
 */
@ApplicationScoped
public class WarmUp {
    /** The id the warm-up asks for. */
    public static final String ID = "warm-up";

    private final Map<String, String> results = new ConcurrentHashMap<>();

    @Inject
    OutsideCalls calls;

    /** Runs when the application starts. */
    @ActivateRequestContext
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        results.putAll(calls.run(ID, "warm-up"));
    }

    /** Returns what the warm-up's calls answered. */
    public Map<String, String> results() {
        return Map.copyOf(results);
    }
}
