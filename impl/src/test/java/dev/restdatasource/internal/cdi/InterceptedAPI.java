package dev.restdatasource.internal.cdi;

import dev.restdatasource.RESTDataSource;
import jakarta.enterprise.context.RequestScoped;

/** A data source with an interceptor: the container instantiates a subclass, yet the name stays "InterceptedAPI". */
@RequestScoped
@Counted
public class InterceptedAPI extends RESTDataSource {
    public String movie(String id) {
        return get("movies/{id}", id).as(String.class);
    }
}
