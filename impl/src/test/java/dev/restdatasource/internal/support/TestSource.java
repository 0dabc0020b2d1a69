package dev.restdatasource.internal.support;

import dev.restdatasource.DataSourceCall;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.RESTDataSource;

/** A data source whose helpers tests can call directly. */
public class TestSource extends RESTDataSource {
    public TestSource(DataSourceConfig config, String baseURL) {
        super(config);
        setBaseURL(baseURL);
    }

    public DataSourceCall doGet(String path, Object... values) {
        return get(path, values);
    }

    public DataSourceCall doPost(String path, Object... values) {
        return post(path, values);
    }

    public DataSourceCall doPut(String path, Object... values) {
        return put(path, values);
    }

    public DataSourceCall doPatch(String path, Object... values) {
        return patch(path, values);
    }

    public DataSourceCall doDelete(String path, Object... values) {
        return delete(path, values);
    }

    public DataSourceCall doHead(String path, Object... values) {
        return head(path, values);
    }
}
