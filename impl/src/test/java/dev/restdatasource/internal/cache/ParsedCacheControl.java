package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The directives {@link CacheControl#forEach} finds, collected into a map the way the directive records read them
 * (the first occurrence of a directive wins), so the parser's tests can ask about any directive by name.
 */
final class ParsedCacheControl {
    /** Directive name to argument; the argument is null when the directive had none. */
    private final Map<String, String> directives = new LinkedHashMap<>();

    private ParsedCacheControl() {
    }

    /** Parses every Cache-Control field of {@code headers}. */
    static ParsedCacheControl of(Headers headers) {
        return parse(headers.all("cache-control"));
    }

    /** Parses these Cache-Control field lines as one combined list. */
    static ParsedCacheControl parse(List<String> fieldLines) {
        ParsedCacheControl parsed = new ParsedCacheControl();
        CacheControl.forEach(fieldLines, parsed.directives::putIfAbsent);
        return parsed;
    }

    /** Whether the directive is present (with or without an argument). */
    boolean has(String directive) {
        return directives.containsKey(directive);
    }

    /** The directive's argument (unquoted), or null when absent or given without one. */
    String argument(String directive) {
        return directives.get(directive);
    }

    /** The directive's delta-seconds as {@link CacheControl#deltaSeconds} reads it, or empty when it is absent. */
    OptionalLong seconds(String directive) {
        return directives.containsKey(directive)
                ? OptionalLong.of(CacheControl.deltaSeconds(directives.get(directive)))
                : OptionalLong.empty();
    }

    /** The lower-cased directive names, in first-seen order. */
    List<String> names() {
        return List.copyOf(directives.keySet());
    }
}
