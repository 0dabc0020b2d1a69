package dev.restdatasource.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.RESTDataSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What deployment reads from a data source class without creating an instance. */
class DataSourceClassesTest {
    @Test
    void theDefaultNameIsTheSimpleClassName() {
        assertEquals(Optional.of("NoUrlAPI"), DataSourceClasses.name(BaseUrlBeans.NoUrlAPI.class));
    }

    @Test
    void aNameOverrideReturningALiteralOrAConstantIsRead() {
        assertEquals(Optional.of("movies"), DataSourceClasses.name(BaseUrlBeans.LiteralNameAPI.class));
        assertEquals(Optional.of("constant-movies"), DataSourceClasses.name(BaseUrlBeans.ConstantNameAPI.class));
    }

    @Test
    void aComputedNameIsUnknown() {
        assertEquals(Optional.empty(), DataSourceClasses.name(BaseUrlBeans.ComputedNameAPI.class));
    }

    @ParameterizedTest
    @ValueSource(classes = {BaseUrlBeans.ConstructorUrlAPI.class, BaseUrlBeans.PostConstructUrlAPI.class,
            BaseUrlBeans.OwnResolutionAPI.class, BaseUrlBeans.InheritedUrlAPI.class, MoviesAPI.class})
    void aBaseUrlSetOrResolvedInCodeIsSeen(Class<? extends RESTDataSource> type) {
        assertTrue(DataSourceClasses.setsBaseUrlInCode(type), type.getName());
    }

    @ParameterizedTest
    @ValueSource(classes = {BaseUrlBeans.NoUrlAPI.class, BaseUrlBeans.LiteralNameAPI.class, DependentAPI.class})
    void noBaseUrlInCodeIsSeen(Class<? extends RESTDataSource> type) {
        assertFalse(DataSourceClasses.setsBaseUrlInCode(type), type.getName());
    }

    @Test
    void bytesThatAreNoClassFileAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassFile.parse(new byte[] {1, 2, 3, 4, 5}));
        assertThrows(IllegalArgumentException.class, () -> ClassFile.parse(new byte[] {(byte) 0xCA, (byte) 0xFE,
                (byte) 0xBA, (byte) 0xBE, 0, 0}));
    }
}
