package dev.restdatasource.internal.support;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.store.InMemoryKeyValueCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A small program for a JVM with a small heap: calls each URL given as an argument several times, all URLs at once
 * in each round, with the default configuration (so the default body limit), and prints one line
 * {@code CODE <error code>} per failed call and {@code BODY <length>} per answered one, then {@code DONE}. Exits 0
 * unless something other than a call's failure went wrong.
 */
public final class SmallHeapClient {
    /** Rounds of calls; enough that bodies kept by mistake would add up past a 64 MiB heap. */
    public static final int ROUNDS = 5;

    private SmallHeapClient() {
    }

    /** Runs the calls; the arguments are the base URLs of the upstreams. */
    public static void main(String[] args) throws Exception {
        DataSourceConfig config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create(1024 * 1024))
                .requestTimeout(Duration.ofSeconds(60)).build();
        for (int round = 0; round < ROUNDS; round++) {
            List<CompletableFuture<byte[]>> calls = new ArrayList<>();
            for (String url : args) {
                calls.add(new TestSource(config, url).doGet("body").asAsync(byte[].class).toCompletableFuture());
            }
            for (CompletableFuture<byte[]> call : calls) {
                try {
                    System.out.println("BODY " + call.get(120, TimeUnit.SECONDS).length);
                } catch (ExecutionException e) {
                    System.out.println(e.getCause() instanceof DataSourceException d ? "CODE " + d.code() : "OTHER " + e.getCause());
                }
            }
        }
        System.out.println("DONE");
    }
}
