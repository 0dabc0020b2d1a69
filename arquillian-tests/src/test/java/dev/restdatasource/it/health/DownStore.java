package dev.restdatasource.it.health;

import dev.restdatasource.backend.MonitoredKeyValueCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An application's store that is never reachable, as a backend's store is while its server is down: every call fails
 * and {@link #reachable()} is false. Its address comes from {@code it.down-store.address}, user information included,
 * so that the test sees the health check drop it.
 */
@ApplicationScoped
public class DownStore implements MonitoredKeyValueCache {
    @Override
    public CompletionStage<byte[]> get(String key) {
        return CompletableFuture.failedFuture(new IllegalStateException("the store is down"));
    }

    @Override
    public CompletionStage<Void> set(String key, byte[] value, Duration ttl) {
        return CompletableFuture.failedFuture(new IllegalStateException("the store is down"));
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return CompletableFuture.failedFuture(new IllegalStateException("the store is down"));
    }

    @Override
    public boolean neverBlocksCaller() {
        return true;
    }

    @Override
    public String storeName() {
        return "down-store";
    }

    @Override
    public String address() {
        return ConfigProvider.getConfig().getValue("it.down-store.address", String.class);
    }

    @Override
    public boolean reachable() {
        return false;
    }
}
