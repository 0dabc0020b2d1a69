package dev.restdatasource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, ordered multimap of HTTP header fields.
 *
 * <p>Names are compared case-insensitively and kept lower-cased (as Apollo does), so a header
 * is never sent twice under two spellings. Values keep their order. Instances are thread-safe;
 * use {@link #builder()} or {@link #toBuilder()} to make changed copies.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, List<String>> fields;

    private Headers(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** Returns headers with no fields. */
    public static Headers empty() {
        return EMPTY;
    }

    /** Returns headers holding a copy of {@code fields}; names are lower-cased and merged. */
    public static Headers of(Map<String, ? extends List<String>> fields) {
        Builder builder = builder();
        fields.forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
        return builder.build();
    }

    /** Returns headers from alternating name and value arguments. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Expected name/value pairs, got an odd number of arguments");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** Returns a new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts with these fields. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        fields.forEach((name, values) -> builder.fields.put(name, new ArrayList<>(values)));
        return builder;
    }

    /**
     * Returns a copy in which {@code name} has the single value {@code value}: the same as
     * {@code toBuilder().set(name, value).build()} (an existing field keeps its place, a new one comes last),
     * but copies only the map, not each field's values, which are immutable already.
     */
    public Headers with(String name, String value) {
        String key = normalize(name);
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>((fields.size() + 1) * 2);
        copy.putAll(fields);
        copy.put(key, List.of(checkValue(key, value)));
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** Returns the first value of {@code name}, or {@code null} when absent. */
    public String first(String name) {
        List<String> values = fields.get(normalize(name));
        return values == null ? null : values.get(0);
    }

    /** Returns every value of {@code name} in order; empty when absent. */
    public List<String> all(String name) {
        return fields.getOrDefault(normalize(name), List.of());
    }

    /** Returns whether at least one field named {@code name} is present. */
    public boolean contains(String name) {
        return fields.containsKey(normalize(name));
    }

    /** Returns the lower-cased names, in insertion order. */
    public Set<String> names() {
        return fields.keySet();
    }

    /** Returns an unmodifiable view: lower-cased name to values. */
    public Map<String, List<String>> asMap() {
        return fields;
    }

    /** Returns whether there are no fields. */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * Lower-cases a header name and rejects characters that could split or inject header lines. The message of the
     * rejection shows the name only up to the invalid character: what follows may be a value ({@code "Authorization:
     * Bearer ..."} passed as a name).
     */
    public static String normalize(String name) {
        Objects.requireNonNull(name, "header name");
        boolean upperCase = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new IllegalArgumentException("Invalid header name '" + name.substring(0, i) + "...': character "
                        + describe(c) + " at index " + i + " (the rest is not shown)");
            }
            upperCase |= c >= 'A' && c <= 'Z';
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Empty header name");
        }
        return upperCase ? name.toLowerCase(Locale.ROOT) : name; // ASCII only here: A-Z are all it changes
    }

    /** Rejects CR, LF and NUL in a value; the message names the header and never shows the value (it may be a secret). */
    static String checkValue(String name, String value) {
        Objects.requireNonNull(value, () -> "value of header " + name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("Invalid value for header " + name + ": it contains " + describe(c)
                        + " (the value is not shown)");
            }
        }
        return value;
    }

    /** A character for a message: escaped when it is a control character, as U+XXXX when not printable ASCII. */
    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "CR (\\r)";
            case '\n' -> "LF (\\n)";
            case 0 -> "NUL (\\0)";
            default -> c > ' ' && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** A mutable builder of {@link Headers}; not thread-safe. */
    public static final class Builder {
        private final LinkedHashMap<String, List<String>> fields = new LinkedHashMap<>();

        private Builder() {
        }

        /** Appends a value, keeping earlier values of the same name. */
        public Builder add(String name, String value) {
            String key = normalize(name);
            fields.computeIfAbsent(key, k -> new ArrayList<>(1)).add(checkValue(key, value));
            return this;
        }

        /** Replaces every value of {@code name} with {@code value}. */
        public Builder set(String name, String value) {
            String key = normalize(name);
            List<String> values = new ArrayList<>(1);
            values.add(checkValue(key, value));
            fields.put(key, values);
            return this;
        }

        /** Removes every value of {@code name}. */
        public Builder remove(String name) {
            fields.remove(normalize(name));
            return this;
        }

        /** Returns the first value of {@code name}, or {@code null}. */
        public String first(String name) {
            List<String> values = fields.get(normalize(name));
            return values == null ? null : values.get(0);
        }

        /** Returns an immutable snapshot. */
        public Headers build() {
            if (fields.isEmpty()) {
                return EMPTY;
            }
            LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>(fields.size() * 2);
            fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return new Headers(Collections.unmodifiableMap(copy));
        }
    }
}
