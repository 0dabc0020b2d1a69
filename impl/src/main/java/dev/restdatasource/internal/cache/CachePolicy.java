package dev.restdatasource.internal.cache;

import dev.restdatasource.CacheOptions;
import dev.restdatasource.Headers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The HTTP caching rules of a <em>shared</em> cache: RFC 9111 plus the RFC 5861 extensions
 * {@code stale-while-revalidate} and {@code stale-if-error}, and Apollo's TTL override (§12) with our
 * safety fixes. The HTTP cache interceptor does the I/O and asks this class every decision.
 *
 * <p>Pure: no I/O, no threads, no clock; every instant is a parameter. Immutable and thread-safe.
 * Arguments must not be null unless a parameter says otherwise.
 *
 * <p>Choices where the RFCs leave room (each has a test):
 * <ul>
 *   <li>Freshness lifetime for a shared cache: {@code s-maxage}, else {@code max-age}, else
 *       {@code Expires − Date}, else 10% of {@code Date − Last-Modified} capped at 24 h (heuristic).
 *       Response {@code no-cache} makes the lifetime 0.</li>
 *   <li>{@code must-revalidate} does not stop a <em>fresh</em> response being served (RFC 9111 §5.2.2.2;
 *       Apollo §10.3 revalidates it every time).</li>
 *   <li>{@code s-maxage} implies {@code proxy-revalidate} (RFC 9111 §5.2.2.10), so it forbids serving
 *       stale under a request's {@code max-stale}; it does <em>not</em> cancel an origin's own explicit
 *       {@code stale-while-revalidate} / {@code stale-if-error} windows (RFC 5861 §3-4 let the origin
 *       grant those, and an origin that sends both clearly means it).</li>
 *   <li>A request's {@code min-fresh} disables serving stale (under {@code max-stale} or
 *       {@code stale-while-revalidate}); a request's {@code max-age} limits both.</li>
 *   <li>{@link #mayServeStaleOnError} needs an explicit {@code stale-if-error} (response or request):
 *       a cache must not serve stale on its own initiative (RFC 9111 §4.2.4).</li>
 *   <li>When a request's {@code max-stale} and the response's {@code stale-while-revalidate} both allow a
 *       stale response, the answer is SERVE_STALE_AND_REVALIDATE, so the entry gets refreshed.</li>
 *   <li>Set-Cookie responses are stored only when {@code public}, and never with the cookie.</li>
 *   <li>Stored entries are kept past their freshness for revalidation when they have validators:
 *       for {@code max(remaining freshness, validator retention)}.</li>
 * </ul>
 */
public final class CachePolicy {
    /** Statuses a shared cache may store when the response has explicit freshness (RFC 9110 §15, Apollo §9.10 + 451). */
    private static final Set<Integer> STORABLE_WITH_EXPLICIT_FRESHNESS =
            Set.of(200, 203, 204, 300, 301, 302, 303, 307, 308, 404, 405, 410, 414, 451, 501);
    /** Statuses that are heuristically cacheable (RFC 9110 §15.1). */
    private static final Set<Integer> HEURISTICALLY_CACHEABLE =
            Set.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 451, 501);
    /** Methods that never invalidate (RFC 9110 §9.2.1 safe methods). */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** Upstream failures that stale-if-error covers; 0 stands for a network error or timeout. */
    private static final Set<Integer> STALE_IF_ERROR_FAILURES = Set.of(0, 500, 502, 503, 504);
    /** Hop-by-hop fields (RFC 9110 §7.6.1) and fields never replayed to another user. */
    private static final Set<String> NEVER_STORED = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "transfer-encoding", "upgrade", "trailer", "proxy-authenticate", "proxy-authorization",
            "set-cookie", "set-cookie2");
    /** Fields a 304 must not change in the stored response (RFC 9111 §3.2). */
    private static final Set<String> KEPT_ON_FRESHEN =
            Set.of("content-length", "content-encoding", "transfer-encoding", "content-range");

    private final double heuristicFraction;
    private final Duration heuristicCap;
    private final Duration validatorRetention;

    /** A policy with the defaults: heuristic freshness 10% capped at 24 h, validator retention 5 minutes. */
    public CachePolicy() {
        this(0.1, Duration.ofHours(24), Duration.ofMinutes(5));
    }

    /** A policy with other tuning; for tests and configuration. */
    CachePolicy(double heuristicFraction, Duration heuristicCap, Duration validatorRetention) {
        if (heuristicFraction < 0 || heuristicCap.isNegative() || validatorRetention.isNegative()) {
            throw new IllegalArgumentException("negative cache policy setting");
        }
        this.heuristicFraction = heuristicFraction;
        this.heuristicCap = heuristicCap;
        this.validatorRetention = validatorRetention;
    }

    // ---------------------------------------------------------------- storing (RFC 9111 §3)

    /**
     * Decides whether this response may be stored, and for how long the store keeps it.
     *
     * @param request         the request as sent upstream
     * @param status          the response status
     * @param responseHeaders the response headers as received (before {@link #storableHeaders})
     * @param requestTime     when the request was sent
     * @param responseTime    when the response was received
     * @param override        the caller's TTL override, or null to follow HTTP alone
     * @return the plan; {@code storeTtl} is whole seconds and positive when {@code store}
     */
    public StorePlan planStore(CacheRequest request, int status, Headers responseHeaders,
                               Instant requestTime, Instant responseTime, CacheOptions override) {
        CacheControl req = CacheControl.of(request.headers());
        CacheControl res = CacheControl.of(responseHeaders);
        if ("HEAD".equals(request.method())) {
            return StorePlan.doNotStore("HEAD is never stored"); // Apollo §9.2
        }
        if (status < 200 || status == 206) {
            return StorePlan.doNotStore("status " + status + " is never stored");
        }
        if (req.has("no-store")) {
            return StorePlan.doNotStore("request no-store");
        }
        if (res.has("no-store")) {
            return StorePlan.doNotStore("response no-store");
        }
        if (varyNames(responseHeaders).contains("*")) {
            return StorePlan.doNotStore("Vary: *");
        }
        if (hasSetCookie(responseHeaders) && !res.has("public")) {
            return StorePlan.doNotStore("Set-Cookie without public"); // Apollo §9.9
        }
        if (override != null) {
            return planOverride(request, status, responseHeaders, requestTime, responseTime, override, res);
        }
        return planByHttp(request, status, responseHeaders, requestTime, responseTime, res);
    }

    /** The plan of HTTP alone, without an override. */
    private StorePlan planByHttp(CacheRequest request, int status, Headers responseHeaders, Instant requestTime,
                                 Instant responseTime, CacheControl res) {
        String refusal = httpRefusal(request, status, responseHeaders, responseTime, res);
        if (refusal != null) {
            return StorePlan.doNotStore(refusal);
        }
        Duration lifetime = lifetime(status, responseHeaders, res, responseTime);
        return plan(lifetime, null, false, responseHeaders, requestTime, responseTime, res);
    }

    /** Apollo §12 with our fixes: an override never stores private or credentialed responses unless per user. */
    private StorePlan planOverride(CacheRequest request, int status, Headers responseHeaders, Instant requestTime,
                                   Instant responseTime, CacheOptions override, CacheControl res) {
        Duration ttl = override.ttl();
        if (ttl.isNegative() || ttl.isZero()) {
            return StorePlan.doNotStore("override ttl " + ttl + " means do not store"); // Apollo §12.6
        }
        boolean perUser = override.isPerUser() && request.hasCredentials();
        if (res.has("private") && !perUser) {
            return StorePlan.doNotStore("private response"); // fixes Apollo §12.3/§16.2
        }
        if (request.hasCredentials() && !perUser) {
            // fixes §16.2: the override does not apply; HTTP alone may still store an explicitly shared response
            return planByHttp(request, status, responseHeaders, requestTime, responseTime, res);
        }
        if (status < 200 || status > 299) {
            // Apollo §12.7: a non-2xx takes the override only when HTTP alone would store it
            String refusal = httpRefusal(request, status, responseHeaders, responseTime, res);
            if (refusal != null) {
                return StorePlan.doNotStore(refusal);
            }
        }
        return plan(ttl, ttl, perUser, responseHeaders, requestTime, responseTime, res);
    }

    /** Why HTTP alone (no override) refuses to store this response, or null when it may be stored. */
    private String httpRefusal(CacheRequest request, int status, Headers headers, Instant responseTime,
                               CacheControl res) {
        if (!"GET".equals(request.method())) {
            return request.method() + " is not stored without an override"; // Apollo §9.3
        }
        if (res.has("private")) {
            return "private response";
        }
        if (!STORABLE_WITH_EXPLICIT_FRESHNESS.contains(status)) {
            return "status " + status + " is not storable";
        }
        if (request.headers().contains("authorization")
                && !(res.has("public") || res.has("s-maxage") || res.has("must-revalidate"))) {
            return "authorized request without public, s-maxage or must-revalidate"; // RFC 9111 §3.5
        }
        if (explicitLifetime(headers, res, responseTime) == null) {
            if (!HEURISTICALLY_CACHEABLE.contains(status)) {
                return "status " + status + " needs explicit freshness";
            }
            boolean revalidateOnly = res.has("no-cache") || staleWindow(res).compareTo(Duration.ZERO) > 0;
            if (heuristicLifetime(headers, responseTime) == null && !revalidateOnly) {
                return "no freshness";
            }
        }
        return null;
    }

    /** The store plan from a freshness lifetime: remaining freshness + stale windows + validator retention. */
    private StorePlan plan(Duration lifetime, Duration ttlOverride, boolean perUser, Headers headers,
                           Instant requestTime, Instant responseTime, CacheControl res) {
        Duration remaining = Ages.nonNegative(lifetime.minus(Ages.initialAge(headers, requestTime, responseTime)));
        Duration ttl = remaining.plus(staleWindow(res));
        if (hasValidators(headers)) {
            ttl = ttl.plus(remaining.compareTo(validatorRetention) > 0 ? remaining : validatorRetention);
        }
        ttl = roundUpToSeconds(ttl);
        if (ttl.isZero()) {
            return StorePlan.doNotStore(remaining.isZero() ? "already stale, no validators or stale window"
                    : "no time left to store");
        }
        return new StorePlan(true, ttl, ttlOverride, perUser, "stored for " + ttl);
    }

    // ---------------------------------------------------------------- serving (RFC 9111 §4, RFC 5861)

    /**
     * Decides how a stored response (already the right Vary variant) may answer this request at {@code now}.
     * The request's only-if-cached turns every answer that needs upstream into GATEWAY_TIMEOUT.
     */
    public Lookup lookup(CacheRequest request, StoredResponse stored, Instant now) {
        Lookup answer = decide(request, stored, now);
        if (onlyIfCached(request) && answer.action() != Lookup.Action.SERVE
                && answer.action() != Lookup.Action.SERVE_STALE_AND_REVALIDATE) {
            return new Lookup(Lookup.Action.GATEWAY_TIMEOUT, answer.age(), answer.stale(), Headers.empty(),
                    "only-if-cached: " + answer.reason());
        }
        return answer;
    }

    private Lookup decide(CacheRequest request, StoredResponse stored, Instant now) {
        Headers headers = stored.headers();
        CacheControl req = requestDirectives(request);
        CacheControl res = CacheControl.of(headers);
        Duration age = Ages.currentAge(headers, stored.requestTime(), stored.responseTime(), now);
        Duration lifetime = storedLifetime(stored, res);
        boolean stale = age.compareTo(lifetime) >= 0;

        if (req.has("no-cache")) {
            return goUpstream(stored, age, stale, "request no-cache");
        }
        boolean overrideFresh = stored.ttlOverride() != null && !stale; // Apollo §12.4
        if (res.has("no-cache") && !overrideFresh) {
            return goUpstream(stored, age, stale, "response no-cache");
        }
        long maxAge = req.secondsOr("max-age", Long.MAX_VALUE);
        if (age.getSeconds() > maxAge || age.getSeconds() == maxAge && age.getNano() > 0) {
            return goUpstream(stored, age, stale, "older than request max-age=" + maxAge);
        }
        if (!stale) {
            long minFresh = req.secondsOr("min-fresh", 0);
            if (lifetime.minus(age).compareTo(Duration.ofSeconds(minFresh)) < 0) {
                return goUpstream(stored, age, false, "fresh for less than request min-fresh=" + minFresh);
            }
            return new Lookup(Lookup.Action.SERVE, age, false, Headers.empty(), "fresh");
        }
        Duration staleness = age.minus(lifetime);
        boolean revalidationRequired = res.has("must-revalidate") || res.has("proxy-revalidate")
                || res.has("no-cache");
        Duration swr = Duration.ofSeconds(res.secondsOr("stale-while-revalidate", 0));
        if (!revalidationRequired && staleness.compareTo(swr) < 0 && !req.has("min-fresh")) {
            return new Lookup(Lookup.Action.SERVE_STALE_AND_REVALIDATE, age, true, conditionalHeaders(headers),
                    "within stale-while-revalidate=" + swr.getSeconds());
        }
        if (req.has("max-stale") && !revalidationRequired && !res.has("s-maxage") && !req.has("min-fresh")) {
            String bound = req.argument("max-stale");
            if (bound == null || staleness.compareTo(Duration.ofSeconds(CacheControl.deltaSeconds(bound))) <= 0) {
                return new Lookup(Lookup.Action.SERVE, age, true, Headers.empty(),
                        "stale by " + staleness.getSeconds() + "s, within request max-stale");
            }
        }
        return goUpstream(stored, age, true, "stale");
    }

    /** REVALIDATE with the stored validators, or FETCH when there are none. */
    private static Lookup goUpstream(StoredResponse stored, Duration age, boolean stale, String reason) {
        Headers conditional = conditionalHeaders(stored.headers());
        return conditional.isEmpty()
                ? new Lookup(Lookup.Action.FETCH, age, stale, conditional, reason + ", no validators")
                : new Lookup(Lookup.Action.REVALIDATE, age, stale, conditional, reason);
    }

    /** If-None-Match from the stored ETag and If-Modified-Since from the stored Last-Modified (RFC 9111 §4.3.1). */
    private static Headers conditionalHeaders(Headers stored) {
        Headers.Builder conditional = Headers.builder();
        String etag = stored.first("etag");
        if (etag != null) {
            conditional.set("if-none-match", etag);
        }
        String lastModified = stored.first("last-modified");
        if (lastModified != null) {
            conditional.set("if-modified-since", lastModified);
        }
        return conditional.build();
    }

    /**
     * Decides whether a stale stored response may be served because upstream failed (RFC 5861 §4,
     * RFC 9111 §4.2.4). Covers 500, 502, 503, 504 and, unlike Apollo §11.6/§11.7, network errors and
     * timeouts ({@code failureStatus == 0}). The window is the larger of the response's and the request's
     * {@code stale-if-error}; without one, nothing is served.
     */
    public boolean mayServeStaleOnError(CacheRequest request, StoredResponse stored, int failureStatus,
                                        Instant now) {
        if (!STALE_IF_ERROR_FAILURES.contains(failureStatus)) {
            return false;
        }
        CacheControl res = CacheControl.of(stored.headers());
        if (res.has("must-revalidate") || res.has("proxy-revalidate") || res.has("no-cache")) {
            return false;
        }
        CacheControl req = requestDirectives(request);
        if (!res.has("stale-if-error") && !req.has("stale-if-error")) {
            return false;
        }
        long window = Math.max(res.secondsOr("stale-if-error", 0), req.secondsOr("stale-if-error", 0));
        Duration age = Ages.currentAge(stored.headers(), stored.requestTime(), stored.responseTime(), now);
        return age.compareTo(storedLifetime(stored, res).plusSeconds(window)) < 0;
    }

    // ---------------------------------------------------------------- validation (RFC 9111 §4.3)

    /**
     * Whether a 304 answers for this stored response (RFC 9111 §4.3.4): an ETag on the 304 must match the
     * stored one by weak comparison; else a Last-Modified must equal the stored one; with neither, it matches.
     */
    public boolean notModifiedMatches(StoredResponse stored, Headers notModifiedHeaders) {
        String etag = notModifiedHeaders.first("etag");
        if (etag != null) {
            String storedEtag = stored.headers().first("etag");
            return storedEtag != null && opaqueTag(etag).equals(opaqueTag(storedEtag));
        }
        String lastModified = notModifiedHeaders.first("last-modified");
        if (lastModified != null) {
            String storedLastModified = stored.headers().first("last-modified");
            if (storedLastModified == null) {
                return false;
            }
            Instant a = HttpDates.parse(lastModified);
            return a != null ? a.equals(HttpDates.parse(storedLastModified))
                    : lastModified.trim().equals(storedLastModified.trim());
        }
        return true;
    }

    /** The entity-tag without its weakness prefix, for weak comparison (RFC 9110 §8.8.3.2). */
    private static String opaqueTag(String etag) {
        String t = etag.trim();
        return t.startsWith("W/") ? t.substring(2) : t;
    }

    /**
     * The stored response freshened by a 304 (RFC 9111 §3.2, §4.3.4): the 304's storable fields replace
     * the stored ones, except Content-Length, Content-Encoding, Transfer-Encoding and Content-Range. The old
     * Age is dropped (age starts again from the 304's own Age, if any); when the 304 has no Date, a Date of
     * {@code responseTime} is recorded (RFC 9110 §6.6.1) so the old Date does not make the entry look old.
     */
    public StoredResponse freshen(StoredResponse stored, Headers notModifiedHeaders, Instant requestTime,
                                  Instant responseTime) {
        Headers.Builder merged = stored.headers().toBuilder().remove("age");
        Headers update = storableHeaders(notModifiedHeaders);
        update.asMap().forEach((name, values) -> {
            if (!KEPT_ON_FRESHEN.contains(name)) {
                merged.remove(name);
                values.forEach(value -> merged.add(name, value));
            }
        });
        if (!update.contains("date")) {
            merged.set("date", HttpDates.format(responseTime));
        }
        return new StoredResponse(stored.status(), merged.build(), stored.body(), requestTime, responseTime,
                stored.ttlOverride(), stored.varyFingerprint());
    }

    // ---------------------------------------------------------------- headers and invalidation

    /** Stored headers with Age set to the current age in whole seconds, rounded down (RFC 9111 §5.1, Apollo §10.4/§10.5). */
    public Headers servedHeaders(StoredResponse stored, Instant now) {
        return servedHeaders(stored, Ages.currentAge(stored.headers(), stored.requestTime(), stored.responseTime(), now));
    }

    /**
     * Stored headers with Age set to {@code age} in whole seconds, rounded down: the same as
     * {@link #servedHeaders(StoredResponse, Instant)} when {@code age} is the current age at that instant, such
     * as the {@link Lookup#age()} of a {@link #lookup} at that instant, without computing it again.
     */
    public Headers servedHeaders(StoredResponse stored, Duration age) {
        Headers headers = stored.headers();
        String ageValue = Long.toString(age.getSeconds());
        List<String> storedAge = headers.all("age");
        if (storedAge.size() == 1 && storedAge.get(0).equals(ageValue)) {
            return headers; // Age already says it: the copy would be equal
        }
        return headers.with("age", ageValue);
    }

    /**
     * URIs whose stored entries an unsafe request invalidates (RFC 9111 §4.4): for a method other than GET,
     * HEAD, OPTIONS or TRACE answered with 2xx or 3xx, the request URI, plus Location and Content-Location
     * resolved against it when they have the same scheme, host and port. Unparseable locations are skipped.
     */
    public List<URI> invalidations(String method, URI requestUri, int status, Headers responseHeaders) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT)) || status < 200 || status > 399) {
            return List.of();
        }
        Set<URI> uris = new LinkedHashSet<>();
        uris.add(requestUri);
        for (String field : List.of("location", "content-location")) {
            String value = responseHeaders.first(field);
            if (value == null) {
                continue;
            }
            try {
                URI target = requestUri.resolve(value.trim());
                if (sameOrigin(requestUri, target)) {
                    uris.add(target);
                }
            } catch (IllegalArgumentException e) {
                // not a URI reference: nothing to invalidate
            }
        }
        return List.copyOf(uris);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }

    /**
     * Response headers worth storing: removes hop-by-hop fields (RFC 9110 §7.6.1), the fields the Connection
     * header names, and Set-Cookie / Set-Cookie2 (never replayed to other users, unlike Apollo §9.9/§16.4).
     * Keeps Age, which the age calculation needs.
     */
    public Headers storableHeaders(Headers responseHeaders) {
        Set<String> drop = new LinkedHashSet<>(NEVER_STORED);
        drop.addAll(listMembers(responseHeaders, "connection"));
        drop.remove("age");
        Headers.Builder kept = Headers.builder();
        responseHeaders.asMap().forEach((name, values) -> {
            if (!drop.contains(name)) {
                values.forEach(value -> kept.add(name, value));
            }
        });
        return kept.build();
    }

    /** The lower-cased field names in the Vary header(s), in order, without duplicates; "*" for Vary: *. */
    public static List<String> varyNames(Headers responseHeaders) {
        return List.copyOf(listMembers(responseHeaders, "vary"));
    }

    /** The lower-cased, trimmed, de-duplicated members of a comma-separated list field, in order. */
    private static Set<String> listMembers(Headers headers, String field) {
        Set<String> members = new LinkedHashSet<>();
        for (String line : headers.all(field)) {
            for (String member : line.split(",")) {
                String trimmed = member.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    members.add(trimmed);
                }
            }
        }
        return members;
    }

    // ---------------------------------------------------------------- freshness (RFC 9111 §4.2)

    /** The lifetime of a stored entry: its override, or the one its headers give (0 when none). */
    private Duration storedLifetime(StoredResponse stored, CacheControl res) {
        if (stored.ttlOverride() != null) {
            return stored.ttlOverride();
        }
        return lifetime(stored.status(), stored.headers(), res, stored.responseTime());
    }

    /** The freshness lifetime under shared-cache rules; 0 with no-cache or when nothing gives one. */
    private Duration lifetime(int status, Headers headers, CacheControl res, Instant responseTime) {
        if (res.has("no-cache")) {
            return Duration.ZERO;
        }
        Duration explicit = explicitLifetime(headers, res, responseTime);
        if (explicit != null) {
            return explicit;
        }
        Duration heuristic = HEURISTICALLY_CACHEABLE.contains(status) ? heuristicLifetime(headers, responseTime) : null;
        return heuristic == null ? Duration.ZERO : heuristic;
    }

    /** s-maxage, else max-age, else Expires − Date (RFC 9111 §4.2.1); null when none is present. */
    private static Duration explicitLifetime(Headers headers, CacheControl res, Instant responseTime) {
        if (res.has("s-maxage")) {
            return Duration.ofSeconds(res.secondsOr("s-maxage", 0));
        }
        if (res.has("max-age")) {
            return Duration.ofSeconds(res.secondsOr("max-age", 0));
        }
        if (headers.contains("expires")) {
            Instant expires = HttpDates.parse(headers.first("expires"));
            if (expires == null) {
                return Duration.ZERO; // RFC 9111 §5.3: an invalid date, e.g. "0", means already expired
            }
            return Ages.nonNegative(Duration.between(dateOr(headers, responseTime), expires));
        }
        return null;
    }

    /** 10% of Date − Last-Modified, capped (RFC 9111 §4.2.2); null without a valid Last-Modified. */
    private Duration heuristicLifetime(Headers headers, Instant responseTime) {
        Instant lastModified = HttpDates.parse(headers.first("last-modified"));
        if (lastModified == null) {
            return null;
        }
        Duration sinceModified = Ages.nonNegative(Duration.between(lastModified, dateOr(headers, responseTime)));
        Duration heuristic = Duration.ofMillis((long) (sinceModified.toMillis() * heuristicFraction));
        return heuristic.compareTo(heuristicCap) > 0 ? heuristicCap : heuristic;
    }

    private static Instant dateOr(Headers headers, Instant responseTime) {
        Instant date = HttpDates.parse(headers.first("date"));
        return date == null ? responseTime : date;
    }

    // ---------------------------------------------------------------- small helpers

    /** The larger of the response's stale-while-revalidate and stale-if-error windows (RFC 5861). */
    private static Duration staleWindow(CacheControl res) {
        return Duration.ofSeconds(Math.max(res.secondsOr("stale-while-revalidate", 0),
                res.secondsOr("stale-if-error", 0)));
    }

    /** Request directives; {@code Pragma: no-cache} counts as no-cache when there is no Cache-Control (RFC 9111 §5.4). */
    private static CacheControl requestDirectives(CacheRequest request) {
        Headers headers = request.headers();
        if (!headers.contains("cache-control")) {
            for (String pragma : headers.all("pragma")) {
                if (pragma.toLowerCase(Locale.ROOT).contains("no-cache")) {
                    return CacheControl.parse(List.of("no-cache"));
                }
            }
        }
        return CacheControl.of(headers);
    }

    private static boolean onlyIfCached(CacheRequest request) {
        return CacheControl.of(request.headers()).has("only-if-cached");
    }

    private static boolean hasValidators(Headers headers) {
        return headers.contains("etag") || headers.contains("last-modified");
    }

    private static boolean hasSetCookie(Headers headers) {
        return headers.contains("set-cookie") || headers.contains("set-cookie2");
    }

    private static Duration roundUpToSeconds(Duration d) {
        Objects.requireNonNull(d);
        return d.getNano() == 0 ? d : Duration.ofSeconds(d.getSeconds() + 1);
    }
}
