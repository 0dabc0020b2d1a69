package dev.restdatasource.internal.graphql;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Lets GraphQL clients see the messages and codes of data-source failures by default.
 *
 * <ul>
 * <li>Messages: MicroProfile GraphQL shows the message of an unchecked exception only when its class, or a
 * superclass, is listed. It lists {@code dev.restdatasource.DataSourceException} under both names of that key:
 * {@value #EXCEPTIONS_WHITE_LIST} (MP GraphQL 1.0, the only one Open Liberty's mpGraphQL-2.0 reads) and
 * {@value #SHOW_ERROR_MESSAGE} (MP GraphQL 2.0). The messages are safe to show: {@link GraphQLErrorMapper} keeps upstream
 * URLs and bodies out of them.</li>
 * <li>Codes: SmallRye GraphQL 2.x (bundled by applications on WildFly, for example) writes an error's
 * {@code extensions} ({@code code} among them) only when {@value #ERROR_EXTENSION_FIELDS} names them; unset, an
 * error carries graphql-java's {@code classification} alone. It names {@value #DEFAULT_ERROR_EXTENSION_FIELDS}: not
 * {@code exception}, which would show clients the Java class of every failing field (SmallRye 1.0 inside Open
 * Liberty's mpGraphQL-2.0 always writes it and does not read the key). A plain configuration key, no API: nothing
 * here depends on the server.</li>
 * </ul>
 *
 * <p>Its ordinal is {@value #ORDINAL}, below {@code microprofile-config.properties} (100). A configuration value is
 * one string, so an application that sets one of these keys itself replaces this default: it must add
 * {@code dev.restdatasource.DataSourceException} to its own message list, and {@code code} to its own list of
 * extension fields.
 *
 * <p>Registered in {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}. Immutable.
 */
public final class GraphQLDefaultsConfigSource implements ConfigSource {
    /** The ordinal: lower than every standard source. */
    public static final int ORDINAL = 50;
    /** The MP GraphQL 1.0 key, read by Open Liberty. */
    public static final String EXCEPTIONS_WHITE_LIST = "mp.graphql.exceptionsWhiteList";
    /** The MP GraphQL 2.0 key. */
    public static final String SHOW_ERROR_MESSAGE = "mp.graphql.showErrorMessage";
    /** The listed class. */
    public static final String DATA_SOURCE_EXCEPTION = "dev.restdatasource.DataSourceException";
    /** SmallRye GraphQL 2.x's key naming the {@code extensions} an error gets. */
    public static final String ERROR_EXTENSION_FIELDS = "smallrye.graphql.errorExtensionFields";
    /** The extension fields named by default: graphql-java's classification and the error code. */
    public static final String DEFAULT_ERROR_EXTENSION_FIELDS = "classification,code";

    private static final Map<String, String> PROPERTIES = Map.of(
            EXCEPTIONS_WHITE_LIST, DATA_SOURCE_EXCEPTION,
            SHOW_ERROR_MESSAGE, DATA_SOURCE_EXCEPTION,
            ERROR_EXTENSION_FIELDS, DEFAULT_ERROR_EXTENSION_FIELDS);

    /** Called through {@link java.util.ServiceLoader}. */
    public GraphQLDefaultsConfigSource() {
    }

    @Override
    public Map<String, String> getProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return PROPERTIES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTIES.get(propertyName);
    }

    @Override
    public String getName() {
        return "restdatasource GraphQL defaults";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
