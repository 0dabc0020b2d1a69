package dev.restdatasource.redis;

import dev.restdatasource.backend.InvalidSettingsException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how {@link RedisCaches#connect(RedisSettings)} connects: one Redis URI (standalone or Sentinel), or the
 * seed nodes of a Redis Cluster, plus the credentials, TLS and timeout options passed to Lettuce.
 *
 * <p>{@code uri} is in Lettuce's URI form: {@code redis://[[user]:password@]host[:port][/database]},
 * {@code rediss://...} for TLS, or {@code redis-sentinel://[password@]host1:port1[,host2:port2]#master} for the master
 * that Sentinel names. With {@code cluster} true it lists the seed nodes, comma-separated
 * ({@code redis://127.0.0.1:7000,redis://127.0.0.1:7001}); without it, it holds exactly one URI (a Sentinel URI lists
 * its sentinels inside, hence the separate switch).
 *
 * <p>Immutable and thread-safe. Every component is checked by the constructor, which throws
 * {@link NullPointerException} naming a missing component, or an {@link InvalidSettingsException} (an
 * {@link IllegalArgumentException}) listing every wrong one, each message starting with the setting's short key (e.g.
 * {@code "command-timeout must be positive"}), never with a password.
 *
 * @param uri                the Redis URI, or the cluster's seed URIs (comma-separated) when {@code cluster}
 * @param cluster            whether {@code uri} names the seed nodes of a Redis Cluster
 * @param username           the ACL user, or {@code null} (then the URI's, or Redis's {@code default} user)
 * @param password           the password for every node, or {@code null} (then the URI's, if any)
 * @param tlsVerify          how a {@code rediss://} peer is verified: {@code full} (certificate and host name),
 *                           {@code ca} (certificate only) or {@code none}
 * @param truststore         a truststore file (JKS or PKCS12) for TLS, or {@code null} for the JVM's default trust
 * @param truststorePassword the truststore's password, or {@code null}
 * @param keyPrefix          put before every key, so that several applications can share one Redis; may be empty
 * @param commandTimeout     how long a command may stay unanswered (queued or on the wire) before Lettuce fails it
 * @param connectTimeout     how long one connection attempt may take
 * @param requestQueueSize   how many commands may wait for their answer on one connection; more fail at once
 */
public record RedisSettings(String uri, boolean cluster, String username, String password, String tlsVerify,
        Path truststore, String truststorePassword, String keyPrefix, Duration commandTimeout,
        Duration connectTimeout, int requestQueueSize) {

    /** The default {@code command-timeout}: 1 s (Lettuce's own is 60 s). */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);
    /** The default {@code connect-timeout}: 2 s (Lettuce's own is 10 s). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** The default {@code request-queue-size}: 10,000 commands (Lettuce's own is unbounded). */
    public static final int DEFAULT_REQUEST_QUEUE_SIZE = 10_000;

    /** Validates every component, reporting every wrong one at once. */
    public RedisSettings {
        Objects.requireNonNull(uri, "uri");
        uri = uri.strip();
        tlsVerify = Objects.requireNonNull(tlsVerify, "tls.verify").strip().toLowerCase(Locale.ROOT);
        keyPrefix = Objects.requireNonNull(keyPrefix, "key-prefix");
        Objects.requireNonNull(commandTimeout, "command-timeout");
        Objects.requireNonNull(connectTimeout, "connect-timeout");
        List<String> problems = new ArrayList<>();
        if (uri.isEmpty()) {
            problems.add("uri must not be blank");
        }
        if (username != null && password == null) {
            problems.add("username needs a password as well");
        }
        String verify = tlsVerify;
        InvalidSettingsException.collect(problems, () -> verifyMode(verify));
        if (truststore != null && !Files.isReadable(truststore)) {
            problems.add("tls.truststore is not a readable file: " + truststore);
        }
        positive(commandTimeout, "command-timeout", problems);
        positive(connectTimeout, "connect-timeout", problems);
        if (requestQueueSize < 1) {
            problems.add("request-queue-size must be at least 1: " + requestQueueSize);
        }
        if (!uri.isEmpty()) {
            String u = uri;
            InvalidSettingsException.collect(problems, () -> parse(u, cluster));
        }
        InvalidSettingsException.throwIfAny(problems);
    }

    /** A standalone or Sentinel {@code uri} with every other setting at its default. */
    public static RedisSettings of(String uri) {
        return defaults(uri, false);
    }

    /** The seed nodes of a Redis Cluster ({@code redis://} URIs, comma-separated), every other setting at its default. */
    public static RedisSettings cluster(String seedUris) {
        return defaults(seedUris, true);
    }

    private static RedisSettings defaults(String uri, boolean cluster) {
        return new RedisSettings(uri, cluster, null, null, "full", null, null, "", DEFAULT_COMMAND_TIMEOUT,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_QUEUE_SIZE);
    }

    /** A copy with these credentials ({@code username} may be {@code null}: Redis's {@code default} user). */
    public RedisSettings withCredentials(String username, String password) {
        return new RedisSettings(uri, cluster, username, password, tlsVerify, truststore, truststorePassword,
                keyPrefix, commandTimeout, connectTimeout, requestQueueSize);
    }

    /** A copy with these TLS options. */
    public RedisSettings withTls(String tlsVerify, Path truststore, String truststorePassword) {
        return new RedisSettings(uri, cluster, username, password, tlsVerify, truststore, truststorePassword,
                keyPrefix, commandTimeout, connectTimeout, requestQueueSize);
    }

    /** A copy with {@code keyPrefix}. */
    public RedisSettings withKeyPrefix(String keyPrefix) {
        return new RedisSettings(uri, cluster, username, password, tlsVerify, truststore, truststorePassword,
                keyPrefix, commandTimeout, connectTimeout, requestQueueSize);
    }

    /** A copy with these timeouts and this queue bound. */
    public RedisSettings withLimits(Duration commandTimeout, Duration connectTimeout, int requestQueueSize) {
        return new RedisSettings(uri, cluster, username, password, tlsVerify, truststore, truststorePassword,
                keyPrefix, commandTimeout, connectTimeout, requestQueueSize);
    }

    /** The Lettuce URIs: one, or the cluster's seeds; each with the credentials, TLS mode and command timeout. */
    public List<RedisURI> redisUris() {
        List<RedisURI> uris = parse(uri, cluster);
        for (RedisURI u : uris) {
            if (password != null) {
                if (username != null) {
                    u.setAuthentication(username, password);
                } else {
                    u.setAuthentication(password);
                }
            }
            if (u.isSsl()) {
                u.setVerifyPeer(verifyMode(tlsVerify));
            }
            u.setTimeout(commandTimeout);
        }
        return uris;
    }

    /** {@code uri} without the user and password between {@code //} and {@code @}, for messages and logs. */
    public static String masked(String uri) {
        return uri.replaceAll("//[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return "RedisSettings[uri=" + masked(uri) + ", cluster=" + cluster + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", tlsVerify=" + tlsVerify + ", truststore="
                + truststore + ", keyPrefix=" + keyPrefix + ", commandTimeout=" + commandTimeout
                + ", connectTimeout=" + connectTimeout + ", requestQueueSize=" + requestQueueSize + "]";
    }

    private static List<RedisURI> parse(String uri, boolean cluster) {
        List<String> parts = cluster
                ? Arrays.stream(uri.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of(uri);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("uri must list at least one redis:// or rediss:// seed node");
        }
        return parts.stream().map(part -> parseOne(part, cluster)).toList();
    }

    private static RedisURI parseOne(String text, boolean cluster) {
        String scheme = text.contains("://") ? text.substring(0, text.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        boolean sentinel = scheme.startsWith("redis-sentinel");
        if (!scheme.equals("redis") && !scheme.equals("rediss") && !sentinel) {
            throw new IllegalArgumentException("uri must start with redis://, rediss:// or redis-sentinel://: "
                    + masked(text));
        }
        if (cluster && sentinel) {
            throw new IllegalArgumentException("uri: a Redis Cluster is not reached through Sentinel; list the"
                    + " cluster's nodes as redis:// URIs: " + masked(text));
        }
        if (!cluster && !sentinel && text.contains(",")) {
            throw new IllegalArgumentException("uri lists several nodes; set cluster=true for the seed nodes of a"
                    + " Redis Cluster, or use one redis-sentinel:// URI: " + masked(text));
        }
        try {
            return RedisURI.create(text);
        } catch (RuntimeException e) {
            // Lettuce's message and cause may quote the password: name only the masked text.
            throw new IllegalArgumentException("uri is not a Redis URI: " + masked(text));
        }
    }

    private static SslVerifyMode verifyMode(String tlsVerify) {
        return switch (tlsVerify) {
            case "full" -> SslVerifyMode.FULL;
            case "ca" -> SslVerifyMode.CA;
            case "none" -> SslVerifyMode.NONE;
            default -> throw new IllegalArgumentException("tls.verify must be full, ca or none: " + tlsVerify);
        };
    }

    private static void positive(Duration value, String name, List<String> problems) {
        if (value.isZero() || value.isNegative()) {
            problems.add(name + " must be positive: " + value);
        }
    }
}
