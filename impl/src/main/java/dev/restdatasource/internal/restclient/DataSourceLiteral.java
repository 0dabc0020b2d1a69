package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSource;
import jakarta.enterprise.util.AnnotationLiteral;

/** The {@link DataSource} qualifier as a value, for synthetic beans. */
final class DataSourceLiteral extends AnnotationLiteral<DataSource> implements DataSource {
    static final DataSourceLiteral INSTANCE = new DataSourceLiteral();
    private static final long serialVersionUID = 1L;

    private DataSourceLiteral() {
    }
}
