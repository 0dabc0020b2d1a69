package dev.restdatasource.benchmarks;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.hazelcast.HazelcastCaches;
import dev.restdatasource.hazelcast.HazelcastKeyValueCache;
import dev.restdatasource.hazelcast.HazelcastMemberSettings;
import dev.restdatasource.store.InMemoryKeyValueCache;
import dev.restdatasource.infinispan.InfinispanCaches;
import dev.restdatasource.infinispan.InfinispanKeyValueCache;
import dev.restdatasource.infinispan.InfinispanNodeSettings;
import dev.restdatasource.memcached.MemcachedCaches;
import dev.restdatasource.memcached.MemcachedSettings;
import dev.restdatasource.memcached.MemcachedTestServer;
import dev.restdatasource.redis.RedisCaches;
import dev.restdatasource.redis.RedisKeyValueCache;
import dev.restdatasource.redis.RedisSettings;
import dev.restdatasource.redis.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one store {@code get} (a hit) and one {@code set} (1 KB value, 5 min ttl), waited for by the
 * caller, per backend: the in-memory store, and Infinispan / Hazelcast with two embedded nodes in this JVM on
 * 127.0.0.1 (Infinispan: distributed cache with 2 owners, so every key is on both nodes; Hazelcast: one
 * backup, reads go to the partition owner, so about half the gets cross the loopback). The store measured is
 * node A's. Keys rotate over {@value #KEYS} primed entries. Single-threaded; {@link Mode#SampleTime} gives the
 * percentiles (p50, p99) in µs. memcached: two real {@code memcached} processes (on PATH) on free ports of 127.0.0.1,
 * one xmemcached client with Ketama hashing over both, so each key lives on one of them and every call crosses the
 * loopback. Redis: a real {@code redis-server} process (no persistence) that the benchmark starts on 127.0.0.1 and
 * kills, one Lettuce connection; every call crosses the loopback.
 * Ports: Infinispan 13800-13801 (FD_SOCK2 63800-63801), Hazelcast 25701-25702, Redis 16379.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.net.preferIPv4Stack=true",
        "-Djgroups.join_timeout=300", "-Dhazelcast.phone.home.enabled=false",
        "-Dhazelcast.wait.seconds.before.join=1", "-Dhazelcast.logging.type=none"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 2)
public class StoreLatencyBenchmark {
    static final int KEYS = 1_024;
    private static final Duration TTL = Duration.ofMinutes(5);

    @Param({"inmemory", "infinispan", "hazelcast", "memcached", "redis"})
    public String backend;

    private final List<AutoCloseable> nodes = new ArrayList<>();
    private KeyValueCache store;
    private String[] keys;
    private byte[] value;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        switch (backend) {
            case "inmemory" -> store = InMemoryKeyValueCache.create();
            case "infinispan" -> {
                InfinispanNodeSettings settings = InfinispanNodeSettings.defaults()
                        .withClusterName("rds-bench").withInitialHosts("127.0.0.1[13800],127.0.0.1[13801]");
                InfinispanKeyValueCache a = InfinispanCaches.embedded(settings.withBindPort(13800));
                nodes.add(a);
                nodes.add(InfinispanCaches.embedded(settings.withBindPort(13801)));
                store = a;
            }
            case "hazelcast" -> {
                HazelcastMemberSettings settings = HazelcastMemberSettings.defaults()
                        .withClusterName("rds-bench").withMembers(List.of("127.0.0.1:25701", "127.0.0.1:25702"));
                HazelcastKeyValueCache a = HazelcastCaches.member(settings.withPort(25701));
                nodes.add(a);
                nodes.add(HazelcastCaches.member(settings.withPort(25702)));
                store = a;
            }
            case "memcached" -> {
                MemcachedTestServer first = MemcachedTestServer.start(1_024);
                MemcachedTestServer second = MemcachedTestServer.start(1_024);
                nodes.add(first);
                nodes.add(second);
                store = MemcachedCaches.client(MemcachedSettings.of(List.of(first.address(), second.address())));
                nodes.add((AutoCloseable) store);
            }
            case "redis" -> {
                RedisTestServer server = RedisTestServer.started(16_379);
                nodes.add(server);
                RedisKeyValueCache redis = RedisCaches.connect(RedisSettings.of(server.uri()));
                nodes.add(redis); // closed before the server: the list is closed from the end
                store = redis;
            }
            default -> throw new IllegalArgumentException(backend);
        }
        value = new byte[1_024];
        new Random(1).nextBytes(value);
        keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "httpcache:GET http://127.0.0.1:8080/movies/" + i;
            prime(keys[i]);
        }
        if (get() == null) {
            throw new IllegalStateException("the primed entry is missing on " + backend);
        }
    }

    /** Writes one entry, once more if the first write is lost (xmemcached: see {@link #waitFor}). */
    private void prime(String key) {
        boolean written = store.set(key, value, TTL).toCompletableFuture().handle((ok, lost) -> lost == null).join();
        if (!written) {
            store.set(key, value, TTL).toCompletableFuture().join();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        nodes.clear();
    }

    private String nextKey() {
        next = (next + 1) & (KEYS - 1);
        return keys[next];
    }

    /** One hit, waited for. */
    @Benchmark
    public byte[] get() {
        return waitFor(store.get(nextKey()));
    }

    /** One 1 KB write with a ttl, waited for (replicated to the other node before it completes). */
    @Benchmark
    public Object set() {
        return waitFor(store.set(nextKey(), value, TTL));
    }

    /**
     * The call's result, or null when it failed: a failed call is a sample of its duration, as the engine would see
     * it (a miss), instead of ending the run. xmemcached now and then loses an answer and times out (see
     * docs/cache-backends.md, Memcached).
     */
    private static <T> T waitFor(CompletionStage<T> call) {
        return call.toCompletableFuture().exceptionally(failure -> null).join();
    }
}
