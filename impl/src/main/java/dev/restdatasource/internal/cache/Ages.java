package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The age of a stored response (RFC 9111 §4.2.3) and the Age header it is served with (RFC 9111 §5.1): the
 * current age in whole seconds, rounded down, as Apollo also sends it. Pure functions of the stored headers and
 * the given instants.
 */
final class Ages {
    private Ages() {
    }

    /**
     * The corrected initial age: the response's age when it was received, counting the upstream Age header
     * and the request/response delay. Never negative.
     */
    static Duration initialAge(Headers headers, Instant requestTime, Instant responseTime) {
        Instant date = HttpDates.parse(headers.first("date"));
        Duration apparentAge = date == null ? Duration.ZERO : nonNegative(Duration.between(date, responseTime));
        Duration responseDelay = nonNegative(Duration.between(requestTime, responseTime));
        Duration correctedAgeValue = ageHeader(headers).plus(responseDelay);
        return apparentAge.compareTo(correctedAgeValue) > 0 ? apparentAge : correctedAgeValue;
    }

    /** The current age at {@code now}: the initial age plus the time spent in the cache. */
    static Duration currentAge(Headers headers, Instant requestTime, Instant responseTime, Instant now) {
        return currentAge(initialAge(headers, requestTime, responseTime), responseTime, now);
    }

    /** The current age at {@code now} of a response received at {@code responseTime} with {@code initialAge}. */
    static Duration currentAge(Duration initialAge, Instant responseTime, Instant now) {
        return initialAge.plus(nonNegative(Duration.between(responseTime, now)));
    }

    /**
     * The Age header in seconds (RFC 9111 §5.1): the first member of a list is used; an invalid value is
     * ignored (counts as 0).
     */
    static Duration ageHeader(Headers headers) {
        String value = headers.first("age");
        if (value == null) {
            return Duration.ZERO;
        }
        int comma = value.indexOf(',');
        String first = (comma < 0 ? value : value.substring(0, comma)).trim();
        return Duration.ofSeconds(CacheControl.deltaSeconds(first));
    }

    /**
     * The stored headers with Age set to {@code age} in whole seconds, rounded down; the stored headers
     * themselves when their one Age value already says it, so a hit copies nothing it need not.
     */
    static Headers served(StoredResponse stored, Duration age) {
        Headers headers = stored.headers();
        String ageValue = Long.toString(age.getSeconds());
        List<String> storedAge = headers.all("age");
        if (storedAge.size() == 1 && storedAge.get(0).equals(ageValue)) {
            return headers;
        }
        return headers.with("age", ageValue);
    }

    static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
