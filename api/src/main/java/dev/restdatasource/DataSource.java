package dev.restdatasource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * Asks CDI for a MicroProfile Rest Client interface as a data source: {@code @Inject @DataSource MoviesClient}
 * gives an instance whose calls run through the data-source pipeline (shared HTTP cache, per-request
 * deduplication, request filters, error codes) instead of a plain {@code @RestClient}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface DataSource {
}
