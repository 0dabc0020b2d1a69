package dev.restdatasource.internal.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.codegen.ErrorCodeClasses;
import dev.restdatasource.internal.codegen.ErrorCodeProcessor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The annotation processor, run by an in-process javac over a tiny application, as an application's build runs it. */
class ErrorCodeProcessorTest {
    private static final List<String> ALL = List.of("BadRequest", "Forbidden", "InvalidUpstreamResponse", "NotFound",
            "Unauthenticated", "UpstreamError", "UpstreamTimeout", "UpstreamUnavailable");

    @Test
    void generatesOneCodedExceptionClassPerErrorCodeWhenTheApplicationHasAGraphQLApi() throws Exception {
        GeneratedCodes.Compilation c = GeneratedCodes.compile(GeneratedCodes.application(), GeneratedCodes.classpath(true));
        assertTrue(c.success(), c.messages());
        assertEquals(ALL, c.generatedClasses());
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {c.classes().toUri().toURL()},
                getClass().getClassLoader())) {
            for (String code : List.of(ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND, ErrorCode.BAD_REQUEST,
                    ErrorCode.UPSTREAM_ERROR, ErrorCode.UPSTREAM_TIMEOUT, ErrorCode.UPSTREAM_UNAVAILABLE,
                    ErrorCode.INVALID_UPSTREAM_RESPONSE)) {
                Class<?> type = Class.forName(ErrorCodeClasses.className(code), true, loader);
                assertSame(DataSourceException.class, type.getSuperclass(), type.getName());
                assertTrue(Modifier.isPublic(type.getModifiers()));
                io.smallrye.graphql.api.ErrorCode annotation = type.getAnnotation(io.smallrye.graphql.api.ErrorCode.class);
                assertNotNull(annotation, type.getName());
                assertEquals(code, annotation.value());

                Constructor<?> constructor = type.getConstructor(String.class, DataSourceException.class);
                DataSourceException cause = new DataSourceException("418: I'm a teapot at http://upstream/x", code, 418,
                        "I'm a teapot", URI.create("http://upstream/x"), Map.of("error", "body"), null);
                DataSourceException e = (DataSourceException) constructor.newInstance("shown", cause);
                assertEquals("shown", e.getMessage());
                assertEquals(code, e.code());
                assertEquals(418, e.status());
                assertEquals("I'm a teapot", e.statusText());
                assertEquals(URI.create("http://upstream/x"), e.url(), "kept for server-side use");
                assertEquals(Map.of("error", "body"), e.body());
                assertSame(cause, e.getCause());
            }
        }
    }

    @Test
    void generatesOnceForSeveralGraphQLApisAndCompilesWithoutWarnings() throws Exception {
        Map<String, String> sources = new java.util.HashMap<>(GeneratedCodes.application());
        sources.put("app/more/OtherQueries.java", """
                package app.more;

                @org.eclipse.microprofile.graphql.GraphQLApi
                public class OtherQueries {
                }
                """);
        GeneratedCodes.Compilation c = GeneratedCodes.compile(sources, GeneratedCodes.classpath(true));
        assertTrue(c.success(), c.messages()); // -Xlint:all -Werror: no warning either
        assertEquals(ALL, c.generatedClasses());
        assertTrue(c.diagnostics().stream().noneMatch(d -> d.getKind() != Diagnostic.Kind.NOTE), c.messages());
    }

    @Test
    void generatesNothingWithoutAGraphQLApi() throws Exception {
        GeneratedCodes.Compilation c = GeneratedCodes.compile(Map.of("app/Plain.java", """
                package app;

                public class Plain {
                }
                """), GeneratedCodes.classpath(true));
        assertTrue(c.success(), c.messages());
        assertEquals(List.of(), c.generatedClasses());
        assertTrue(c.diagnostics().isEmpty(), c.messages());
    }

    @Test
    void withoutSmallRyesErrorCodeItNotesHowToGetExactCodesAndGeneratesNothing() throws Exception {
        GeneratedCodes.Compilation c = GeneratedCodes.compile(GeneratedCodes.application(), GeneratedCodes.classpath(false));
        assertTrue(c.success(), c.messages());
        assertEquals(List.of(), c.generatedClasses());
        String notes = c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
                .map(d -> d.getMessage(java.util.Locale.ROOT)).reduce("", String::concat);
        assertTrue(notes.contains("io.smallrye:smallrye-graphql-api") && notes.contains("provided"), c.messages());
    }

    @Test
    void classNamesFollowTheCodes() {
        assertEquals("dev.restdatasource.graphql.codes.NotFound", ErrorCodeClasses.className("NOT_FOUND"));
        assertEquals("InvalidUpstreamResponse", ErrorCodeClasses.simpleName("INVALID_UPSTREAM_RESPONSE"));
        assertEquals("Unauthenticated", ErrorCodeClasses.simpleName("UNAUTHENTICATED"));
        assertEquals("Code42", ErrorCodeClasses.simpleName("42"));
    }

    @Test
    void runsForAnApplicationThatCompilesAgainstTheApiJarAloneAsWithImplAtRuntimeScope() throws Exception {
        List<java.nio.file.Path> classpath = GeneratedCodes.classpath(true);
        java.nio.file.Path impl = GeneratedCodes.locationOf(GraphQLErrorMapper.class);
        assertTrue(!classpath.contains(impl), "restdatasource-impl is not on the application's compile classpath");
        assertEquals(GeneratedCodes.locationOf(DataSourceException.class), GeneratedCodes.locationOf(ErrorCodeProcessor.class),
                "the processor is in restdatasource-api");

        GeneratedCodes.Compilation c = GeneratedCodes.compile(GeneratedCodes.application(), classpath);
        assertTrue(c.success(), c.messages());
        assertEquals(ALL, c.generatedClasses());
    }

    @Test
    void theLibraryHoldsNoClassOfTheGeneratedPackage() {
        for (Class<?> near : List.of(ErrorCodeProcessor.class, GraphQLErrorMapper.class, ErrorCodeProcessorTest.class)) {
            java.nio.file.Path classes = GeneratedCodes.locationOf(near);
            assertTrue(!java.nio.file.Files.exists(classes.resolve("dev/restdatasource/graphql")), classes.toString());
        }
    }
}
