package dev.restdatasource;

/**
 * Changes every call of some data sources before anything else runs, for cross-cutting concerns such as
 * adding the incoming request's {@code Authorization} header. Runs before {@code willSendRequest}.
 *
 * <p>In CDI, every bean of this type applies to every data source (RESTDataSource subclasses and MicroProfile
 * Rest Client data sources alike); it decides by {@code dataSource}. Outside CDI, list filters in
 * {@link DataSourceConfig.Builder#requestFilters}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RequestFilter {
    /**
     * Changes {@code request}, for example {@code request.header("authorization", token)}.
     *
     * @param dataSource the data source's name: {@link RESTDataSource#name()}, or the Rest Client's configKey
     * @param request    the call; may be changed
     */
    void filter(String dataSource, DataSourceRequest request);
}
