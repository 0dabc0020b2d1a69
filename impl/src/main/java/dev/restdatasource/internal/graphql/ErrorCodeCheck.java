package dev.restdatasource.internal.graphql;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.internal.codegen.ErrorCodeClasses;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * Logs an error when the application is deployed with a {@code @GraphQLApi} class but without the error-code classes
 * that restdatasource-api's annotation processor writes into it at compile time ({@code
 * dev.restdatasource.graphql.codes.*}). Without them every data-source failure reaches GraphQL clients with SmallRye's
 * default code {@code data-source} instead of {@code UNAUTHENTICATED}, {@code NOT_FOUND}, ..., and nothing else would
 * say so: neither SmallRye GraphQL 1.0 (Open Liberty) nor 2.x (WildFly) has a setting that maps an exception to a code,
 * and Liberty reads {@code @ErrorCode} only from the application's own classes, so the classes cannot come from the
 * library's jar (see docs/liberty-graphql-errors.md).
 *
 * <p>The message names the causes seen in practice and their fixes: {@code io.smallrye:smallrye-graphql-api} missing
 * from the compile classpath, a JDK 23+ javac (no processors from the classpath unless {@code -proc:full}), a build
 * that lists {@code annotationProcessorPaths} without restdatasource-api. The deployment goes on: the application
 * works, only its error codes are wrong.
 */
public final class ErrorCodeCheck implements Extension {
    private static final System.Logger LOG = System.getLogger(ErrorCodeCheck.class.getName());
    private static final String GRAPHQL_API = "org.eclipse.microprofile.graphql.GraphQLApi";

    private volatile String graphQLApi;

    /** Called by CDI through {@code META-INF/services}. */
    public ErrorCodeCheck() {
    }

    void typeFound(@Observes ProcessAnnotatedType<?> event) {
        if (graphQLApi == null && hasGraphQLApi(event.getAnnotatedType().getJavaClass())) {
            graphQLApi = event.getAnnotatedType().getJavaClass().getName();
        }
    }

    void deployed(@Observes AfterDeploymentValidation event) {
        String problem = problem(graphQLApi, Thread.currentThread().getContextClassLoader());
        if (problem != null) {
            LOG.log(System.Logger.Level.ERROR, problem);
        }
    }

    /** Returns whether {@code type} is annotated {@code @GraphQLApi} (by name: the annotation may be absent). */
    static boolean hasGraphQLApi(Class<?> type) {
        for (Annotation a : type.getAnnotations()) {
            if (a.annotationType().getName().equals(GRAPHQL_API)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the error to log, or null when there is nothing to say: no {@code @GraphQLApi} class ({@code graphQLApi}
     * null), or {@code loader} has every generated class.
     */
    static String problem(String graphQLApi, ClassLoader loader) {
        if (graphQLApi == null || loader == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String code : ErrorCodeClasses.codes()) {
            String name = ErrorCodeClasses.className(code);
            if (!isDataSourceException(name, loader)) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "restdatasource: the application has a @GraphQLApi (" + graphQLApi + ") but not the generated error-code"
                + " classes " + missing + ", so data-source errors reach GraphQL clients with the code 'data-source'"
                + " instead of UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, ... These classes are written into the application"
                + " when it is compiled, by the annotation processor in restdatasource-api. Fix the application's build"
                + " and rebuild it: add io.smallrye:smallrye-graphql-api with scope provided (1.0.26 for Open Liberty's"
                + " mpGraphQL-2.0); with JDK 23 or later, pass -proc:full (maven-compiler-plugin: <proc>full</proc>); if"
                + " the build lists annotationProcessorPaths, add dev.restdatasource:restdatasource-api to them."
                + " The WAR must then hold WEB-INF/classes/" + ErrorCodeClasses.PACKAGE.replace('.', '/') + "/.";
    }

    private static boolean isDataSourceException(String name, ClassLoader loader) {
        try {
            return DataSourceException.class.isAssignableFrom(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
