package dev.restdatasource.internal.cache;

import dev.restdatasource.Headers;
import java.time.Duration;
import java.time.Instant;

/**
 * The age calculation of RFC 9111 §4.2.3. Pure functions of the stored headers and the given instants.
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
        return initialAge(headers, requestTime, responseTime).plus(nonNegative(Duration.between(responseTime, now)));
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

    static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
