package dev.restdatasource.internal.cdi;

import dev.restdatasource.RESTDataSource;

/** A data source without a scope (so @Dependent): works, with a deployment warning. */
public class DependentAPI extends RESTDataSource {
    public String effectiveBaseURL() {
        return baseURL();
    }
}
