package dev.restdatasource.internal.graphql;

import dev.restdatasource.RESTDataSource;

/** An application's own base class between RESTDataSource and the bean: its methods are mapped too. */
public abstract class BaseMoviesAPI extends RESTDataSource {
    /** Inherited by the bean class. */
    public String inherited(String id) {
        return get("movies/{id}", id).as(String.class);
    }
}
