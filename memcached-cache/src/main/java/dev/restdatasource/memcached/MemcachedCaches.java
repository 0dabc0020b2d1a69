package dev.restdatasource.memcached;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;

/**
 * Builds {@link MemcachedKeyValueCache} stores that own their xmemcached client: closing the store shuts it down. For
 * a client the application manages itself use {@link MemcachedKeyValueCache#of}. Stateless and thread-safe.
 */
public final class MemcachedCaches {
    private MemcachedCaches() {
    }

    /**
     * The client builder for {@code settings}, exposed so applications can start from it: Ketama consistent hashing
     * over the servers (a key maps to the same server from every client given the same server names, in any order),
     * the operation and connect timeouts, session healing every {@code healInterval}, the failure mode and the
     * connection pool size of {@code settings}.
     */
    public static XMemcachedClientBuilder builder(MemcachedSettings settings) {
        XMemcachedClientBuilder builder = new XMemcachedClientBuilder(settings.addresses());
        builder.setName("restdatasource-memcached");
        builder.setSessionLocator(new KetamaMemcachedSessionLocator());
        builder.setOpTimeout(settings.opTimeout().toMillis());
        builder.setConnectTimeout(settings.connectTimeout().toMillis());
        builder.setEnableHealSession(true);
        builder.setHealSessionInterval(settings.healInterval().toMillis());
        builder.setFailureMode(settings.failureMode());
        builder.setConnectionPoolSize(settings.connectionPoolSize());
        return builder;
    }

    /**
     * Starts a client ({@link #builder}) and returns a store on it. Servers that cannot be reached now are retried
     * every heal interval in the background; until then their keys are misses (failure mode) or go to the others.
     *
     * @throws UncheckedIOException when xmemcached cannot start its connector
     */
    public static MemcachedKeyValueCache client(MemcachedSettings settings) {
        try {
            return new MemcachedKeyValueCache(builder(settings).build(), true, settings.maxItemSize(),
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the memcached client for " + settings.servers(), e);
        }
    }
}
