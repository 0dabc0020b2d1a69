package dev.restdatasource.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The test side of the server under test: GraphQL requests and upstream counters over real HTTP on 127.0.0.1, and the
 * server's log. The port and the server's folder come from the system properties failsafe sets.
 */
final class Server {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Server() {
    }

    /** Returns {@code http://127.0.0.1:<port>}. */
    static String base() {
        return "http://127.0.0.1:" + System.getProperty("it.http.port", "9180");
    }

    /** Posts {@code query} to {@code /<context>/graphql} without credentials; returns the whole JSON answer. */
    static JsonObject graphql(String context, String query) {
        return graphql(context, query, null);
    }

    /**
     * Posts {@code query} to {@code /<context>/graphql}, with {@code Authorization: <authorization>} unless null and
     * the other headers given as name, value, name, value..., and
     * returns the whole JSON answer ({@code data}, {@code errors}). Fails unless the answer is HTTP 200 JSON.
     */
    static JsonObject graphql(String context, String query, String authorization, String... headerNamesAndValues) {
        String body = Json.createObjectBuilder().add("query", query).build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/" + context + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new AssertionError("GraphQL answered HTTP " + response.statusCode() + " to " + query + ": " + response.body());
        }
        return parse(response.body());
    }

    /** Returns how often the upstream of application {@code context} received {@code path} (e.g. {@code movies/7}). */
    static Counts counts(String context, String path) {
        JsonObject json = upstream(context, "counts/" + path);
        return new Counts(json.getInt("requests"), json.getInt("notModified"));
    }

    /**
     * GETs {@code /<context>/upstream/<path>} with the headers given as name, value, name, value... and returns its JSON
     * object; fails unless the answer is HTTP 200.
     */
    static JsonObject upstream(String context, String path, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/" + context + "/upstream/" + path))
                .timeout(Duration.ofSeconds(90)).GET();
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /** Returns the server's log (Liberty's messages.log, WildFly's server.log) as it is now (empty if none yet). */
    static String serverLog() throws IOException {
        Path log = ServerFlavor.current().serverLog();
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Sends {@code request}; an I/O failure or an interrupt fails the test, naming the URI. */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Parses a JSON object. */
    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** Upstream counts of one path: every request received, and the 304 answers among them. */
    record Counts(int requests, int notModified) {
    }
}
