package dev.restdatasource;

import java.util.List;

/**
 * The incoming GraphQL request as data sources and filters see it (Apollo's {@code context}): its headers
 * and the attributes the application sets on it, such as a token. In CDI it is a request-scoped bean backed
 * by the incoming HTTP request, so data sources and filters never touch servlet APIs themselves.
 */
public interface DataSourceContext {
    /** Returns the first value of an incoming request header, or null. */
    String header(String name);

    /** Returns every value of an incoming request header; empty when absent. */
    List<String> headers(String name);

    /** Returns an attribute of the incoming request, or null. */
    Object attribute(String name);

    /** Sets an attribute of the incoming request, visible to every data source of this request. */
    void attribute(String name, Object value);
}
