package dev.restdatasource.example.plain;

import dev.restdatasource.DataSourceConfig;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A data source in a plain {@code main}, without any server: builds one {@link DataSourceConfig} (its in-memory HTTP
 * cache is shared by every data source built from it), then asks {@link MoviesAPI} for a text greeting (twice: the
 * second answer comes from the cache) and a movie read from JSON.
 *
 * <p>Run it with the base URL of the movies API as argument, or without one to call a {@link DemoUpstream} started on
 * 127.0.0.1.
 */
public final class PlainJavaExample {
    private PlainJavaExample() {
    }

    /** Calls the API at {@code args[0]}, or at a demo upstream started here when no argument is given. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            run(args[0], System.out);
            return;
        }
        try (DemoUpstream upstream = DemoUpstream.start()) {
            run(upstream.url(), System.out);
        }
    }

    /** Makes the example's calls to the movies API at {@code baseURL} and prints what they answer to {@code out}. */
    public static void run(String baseURL, PrintStream out) {
        DataSourceConfig config = DataSourceConfig.builder()
                .requestTimeout(Duration.ofSeconds(10))   // default 30 s
                .build();                                 // default store: 64 MiB in memory
        MoviesAPI movies = new MoviesAPI(config, baseURL);  // cheap: one per unit of work (deduplication is per instance)

        out.println("greeting: " + movies.greeting());
        out.println("greeting: " + new MoviesAPI(config, baseURL).greeting() + " (from the shared cache)");
        Movie movie = movies.movie("1");
        out.println("movie 1:  " + movie);
    }
}
