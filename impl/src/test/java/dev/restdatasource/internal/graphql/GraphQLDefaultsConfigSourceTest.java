package dev.restdatasource.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** The default message lists and error extension fields, as SmallRye Config discovers them. */
class GraphQLDefaultsConfigSourceTest {
    @Test
    void isRegisteredAsAServiceWithOrdinal50() {
        assertTrue(ServiceLoader.load(ConfigSource.class).stream()
                .anyMatch(p -> p.type() == GraphQLDefaultsConfigSource.class));
        assertEquals(50, new GraphQLDefaultsConfigSource().getOrdinal());
    }

    @Test
    void listsDataSourceExceptionUnderBothKeys() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDiscoveredSources().build();
        assertEquals("dev.restdatasource.DataSourceException", config.getRawValue("mp.graphql.exceptionsWhiteList"));
        assertEquals("dev.restdatasource.DataSourceException", config.getRawValue("mp.graphql.showErrorMessage"));
    }

    @Test
    void namesTheCodeAmongSmallRyesErrorExtensionFields() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDiscoveredSources().build();
        assertEquals(List.of("classification", "code"), config.getValues("smallrye.graphql.errorExtensionFields", String.class));
    }

    @Test
    void anApplicationValueReplacesTheDefault() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDiscoveredSources()
                .withSources(new PropertiesConfigSource(Map.of("mp.graphql.exceptionsWhiteList", "app.Shown"), "app", 100))
                .build();
        assertEquals("app.Shown", config.getRawValue("mp.graphql.exceptionsWhiteList"),
                "so an application setting the key must list dev.restdatasource.DataSourceException itself");
        assertEquals("dev.restdatasource.DataSourceException", config.getRawValue("mp.graphql.showErrorMessage"));
    }
}
