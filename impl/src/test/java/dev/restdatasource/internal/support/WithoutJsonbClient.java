package dev.restdatasource.internal.support;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceException;
import dev.restdatasource.DataSourceResponse;
import java.util.Map;

/**
 * A plain {@code main} for a JVM whose class path holds only restdatasource-api, restdatasource-impl, Caffeine and
 * test classes: no JSON-B, CDI, MicroProfile, Servlet or JAX-RS. Against an {@link Upstream} of its own it makes the
 * calls that need no JSON and prints one line per result ({@code NAME value}); the calls that need JSON print the
 * failure they get. Exits 0 unless something unexpected was thrown.
 */
public final class WithoutJsonbClient {
    private WithoutJsonbClient() {
    }

    /** Runs the calls; no arguments. */
    public static void main(String[] args) throws Exception {
        System.out.println("JSONB " + (loadable("jakarta.json.bind.Jsonb") ? "present" : "absent"));
        System.out.println("CDI " + (loadable("jakarta.enterprise.context.RequestScoped") ? "present" : "absent"));
        try (Upstream upstream = new Upstream()) {
            upstream.on("/greeting", r -> Upstream.Reply.status(200).header("Content-Type", "text/plain; charset=utf-8")
                    .header("Cache-Control", "max-age=60").body("hello"));
            upstream.on("/movie", r -> Upstream.Reply.json("{\"id\":1,\"title\":\"Alien\"}"));
            upstream.on("/echo", r -> Upstream.Reply.status(200).header("Content-Type", "text/plain").body(r.bodyText()));
            upstream.on("/missing", r -> Upstream.Reply.status(404).header("Content-Type", "application/json")
                    .body("{\"reason\":\"gone\"}"));
            DataSourceConfig config = DataSourceConfig.builder().build();
            TestSource source = new TestSource(config, upstream.url());

            System.out.println("STRING " + source.doGet("greeting").as(String.class));
            DataSourceResponse again = source.doGet("greeting").fetch();
            System.out.println("CACHED " + again.fromCache() + " " + upstream.count("/greeting"));
            System.out.println("JSON_AS_TEXT " + source.doGet("movie").as(String.class));
            System.out.println("BYTES " + source.doGet("movie").as(byte[].class).length);
            System.out.println("OBJECT_TEXT " + source.doGet("greeting").as(Object.class));
            System.out.println("POST_TEXT " + source.doPost("echo").body("plain text").as(String.class));
            try {
                source.doGet("missing").as(String.class);
                System.out.println("NOT_FOUND none");
            } catch (DataSourceException e) {
                System.out.println("NOT_FOUND " + e.code() + " " + e.body());
            }
            try {
                source.doGet("movie").as(Map.class);
                System.out.println("PARSE none");
            } catch (IllegalStateException e) {
                System.out.println("PARSE " + e.getMessage());
            }
            try {
                source.doPost("echo").body(Map.of("a", 1)).as(String.class);
                System.out.println("WRITE none");
            } catch (IllegalStateException e) {
                System.out.println("WRITE " + e.getMessage());
            }
        }
        System.out.println("DONE");
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, WithoutJsonbClient.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
