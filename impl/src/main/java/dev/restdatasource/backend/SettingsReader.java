package dev.restdatasource.backend;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Reads MicroProfile Config settings and collects every problem instead of stopping at the first, so that one
 * deployment failure lists all wrong keys at once. Used by the core's data-source settings, the {@code @DataSource} Rest
 * Client bridge (whose keys are read with {@link #first}, among the names a setting may be written under) and every
 * cache backend module; public for backend authors.
 *
 * <p>Each typed read takes the full key and a fallback. A missing value (no key, an empty value, or, for the typed
 * reads, only white space) gives the fallback. A value that is wrong records one problem, a message starting with the
 * full key, and gives the fallback, so reading goes on. {@link #throwIfProblems()} ends the reading: it throws one
 * {@link InvalidSettingsException} listing every problem. Durations are written {@code 500ms}, {@code 30s}, {@code
 * 2m}, {@code 1h} or as ISO-8601 ({@code PT30S}); sizes in bytes as a plain number or with a {@code KiB}, {@code MiB}
 * or {@code GiB} suffix.
 *
 * <p>Not thread-safe: one reader serves one reading, on one thread.
 */
public final class SettingsReader {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(KiB|MiB|GiB)?", Pattern.CASE_INSENSITIVE);

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param config the configuration to read, or {@code null} to read nothing (every read gives its fallback)
     */
    public SettingsReader(Config config) {
        this.config = config;
    }

    /**
     * Returns the value of {@code key} as written, or empty when it is unset or empty (MicroProfile Config's rule). A
     * value that cannot be read (an expression naming a missing property) is a problem.
     */
    public Optional<String> string(String key) {
        if (config == null) {
            return Optional.empty();
        }
        try {
            return config.getOptionalValue(key, String.class).filter(s -> !s.isEmpty());
        } catch (RuntimeException e) {
            problem(key + ": cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** Returns the value of {@code key} without surrounding white space, or empty when that leaves nothing. */
    public Optional<String> trimmed(String key) {
        return string(key).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Returns the value of {@code key} as written, or {@code fallback} when it is unset or empty. */
    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    /** Returns the trimmed value of {@code key}; when there is none, records a problem and returns {@code null}. */
    public String required(String key) {
        Optional<String> value = trimmed(key);
        if (value.isEmpty()) {
            problem(key + " is required but not set");
        }
        return value.orElse(null);
    }

    /**
     * Returns the value of {@code key}, trimmed and in lower case, when it is one of {@code allowed}; otherwise
     * records {@code <key> must be a, b or c: <value>}.
     */
    public String oneOf(String key, String fallback, String... allowed) {
        Optional<String> value = trimmed(key).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            return fallback;
        }
        if (Arrays.asList(allowed).contains(value.get())) {
            return value.get();
        }
        String choices = String.join(", ", Arrays.asList(allowed).subList(0, allowed.length - 1)) + " or "
                + allowed[allowed.length - 1];
        problem(key + " must be " + choices + ": " + value.get());
        return fallback;
    }

    /** Returns {@code true} or {@code false} (any case); anything else records a problem. */
    public boolean bool(String key, boolean fallback) {
        Optional<String> value = trimmed(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.get());
        }
        problem(key + ": '" + value.get() + "' must be true or false");
        return fallback;
    }

    /** Returns a whole number (range checks are the caller's); anything else records a problem. */
    public int integer(String key, int fallback) {
        Optional<String> value = trimmed(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            problem(key + " is not a whole number: " + value.get());
            return fallback;
        }
    }

    /** Returns a whole number {@code >= 0}; anything else records a problem. */
    public int nonNegativeInt(String key, int fallback) {
        Optional<String> value = trimmed(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key + ": '" + value.get() + "' must be a whole number >= 0");
        return fallback;
    }

    /**
     * Returns a duration in one of the accepted forms, whatever its sign (the caller checks the range); anything else
     * records a problem.
     */
    public Duration duration(String key, Duration fallback) {
        return duration(key, fallback, false);
    }

    /** Returns a positive duration in one of the accepted forms; anything else, zero included, records a problem. */
    public Duration positiveDuration(String key, Duration fallback) {
        return duration(key, fallback, true);
    }

    private Duration duration(String key, Duration fallback, boolean positive) {
        Optional<String> value = trimmed(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration d = parseDuration(value.get());
        if (d == null) {
            problem(key + ": '" + value.get() + "' is not a duration (use 500ms, 30s, 2m or an ISO-8601 duration)");
            return fallback;
        }
        if (positive && (d.isZero() || d.isNegative())) {
            problem(key + ": '" + value.get() + "' must be a positive duration");
            return fallback;
        }
        return d;
    }

    /** Returns a size in bytes {@code > 0}, plain or with a {@code KiB}, {@code MiB} or {@code GiB} suffix. */
    public long bytes(String key, long fallback) {
        Optional<String> value = trimmed(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Matcher m = BYTES.matcher(value.get());
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                int shift = switch (m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT)) {
                    case "kib" -> 10;
                    case "mib" -> 20;
                    case "gib" -> 30;
                    default -> 0;
                };
                if (n > 0 && n <= (Long.MAX_VALUE >> shift)) {
                    return n << shift;
                }
            } catch (NumberFormatException tooLong) {
                // reported below
            }
        }
        problem(key + ": '" + value.get() + "' is not a size in bytes > 0 (use 67108864, 512KiB, 64MiB or 1GiB)");
        return fallback;
    }

    /** Returns the comma-separated entries of {@code key}, each trimmed, blank ones dropped. */
    public List<String> list(String key, List<String> fallback) {
        return string(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList()).orElse(fallback);
    }

    /**
     * Returns the {@link HostPort} entries of {@code key} (separated by {@code ,} or {@code ;}, see
     * {@link HostPort#parseList}); a wrong list records {@link HostPort}'s message.
     */
    public List<HostPort> hostPorts(String key, boolean portRequired, List<HostPort> fallback) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return HostPort.parseList(key, value.get(), portRequired);
        } catch (IllegalArgumentException wrong) {
            problem(wrong.getMessage());
            return fallback;
        }
    }

    /**
     * Returns the value of the first of {@code keys} that has one (a key among several candidate names, e.g. under
     * several prefixes, the first winning), converted by the configuration's own converter for {@code type}, so it
     * reads as any other library reading the same key through MicroProfile Config does; with the key it came from. A
     * value that cannot be converted records a problem and ends the search: a wrong value is not skipped for a later
     * key.
     */
    public <T> Optional<Found<T>> first(List<String> keys, Class<T> type) {
        if (config == null) {
            return Optional.empty();
        }
        for (String key : keys) {
            Optional<T> value;
            try {
                value = config.getOptionalValue(key, type);
            } catch (RuntimeException e) {
                problem(key + ": cannot be read as " + type.getSimpleName() + " (" + e.getMessage() + ")");
                return Optional.empty();
            }
            if (value.isPresent() && !"".equals(value.get())) {
                return Optional.of(new Found<>(key, value.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * A configured value and the full key it was read from, for messages naming the key.
     *
     * @param key   the full key
     * @param value the value, converted
     * @param <T>   the value's type
     */
    public record Found<T>(String key, T value) {
    }

    /**
     * Returns every configured key that starts with {@code prefix}, sorted, leaving out those under one of
     * {@code others} (prefixes read elsewhere).
     */
    public List<String> keysUnder(String prefix, Collection<String> others) {
        TreeSet<String> keys = new TreeSet<>();
        if (config != null) {
            for (String name : config.getPropertyNames()) {
                if (name.startsWith(prefix) && others.stream().noneMatch(name::startsWith)) {
                    keys.add(name);
                }
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Records {@code <key>: unknown key; the known keys are ...} for {@code key}, a key nobody reads (a typo would
     * otherwise leave a default silently in place).
     */
    public void unknownKey(String key, List<String> knownKeys) {
        problem(unknownKeyMessage(key, knownKeys));
    }

    /** The message {@link #unknownKey} records. */
    public static String unknownKeyMessage(String key, List<String> knownKeys) {
        return key + ": unknown key; the known keys are " + String.join(", ", knownKeys);
    }

    /**
     * Runs {@code build} (typically the constructor of a settings record, which checks its components) and returns
     * what it builds. When it throws an {@link InvalidSettingsException} each of its problems is recorded, when it
     * throws another {@link IllegalArgumentException} or a {@link NullPointerException} its message is recorded; in
     * both cases prefixed with {@code keyPrefix} (records name their components by the key without the prefix), and
     * {@code null} is returned.
     */
    public <T> T check(String keyPrefix, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidSettingsException wrong) {
            wrong.problems().forEach(p -> problem(keyPrefix + p));
        } catch (IllegalArgumentException | NullPointerException wrong) {
            problem(keyPrefix + wrong.getMessage());
        }
        return null;
    }

    /** Records a problem; {@code message} should start with the full key at fault. */
    public void problem(String message) {
        problems.add(message);
    }

    /** Returns the problems recorded so far, in the order they were found. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Ends the reading: throws one exception listing every problem recorded, if any. */
    public void throwIfProblems() {
        InvalidSettingsException.throwIfAny(problems);
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601 (any case); {@code null} when it is none of
     * these.
     */
    public static Duration parseDuration(String value) {
        Matcher m = SHORT_DURATION.matcher(value);
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } catch (NumberFormatException | ArithmeticException tooLong) {
                return null;
            }
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
