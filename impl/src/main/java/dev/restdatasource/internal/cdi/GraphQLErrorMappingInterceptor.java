package dev.restdatasource.internal.cdi;

import dev.restdatasource.RESTDataSource;
import dev.restdatasource.internal.config.DataSourceSettings;
import dev.restdatasource.internal.graphql.GraphQLErrorMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.UnaryOperator;

/**
 * Maps the failures leaving a {@code RESTDataSource} bean's methods for GraphQL clients ({@link GraphQLErrorMapper}):
 * a thrown {@code DataSourceException}, and one that fails a returned {@code CompletionStage}, become the
 * application's generated class for their code, with a message free of upstream URLs and bodies unless
 * {@value DataSourceSettings#EXPOSE_UPSTREAM_DETAILS} is true. Other exceptions pass through unchanged.
 *
 * <p>Bound by {@link MapsToGraphQLErrors}, which {@link RestDataSourceExtension} adds to every method that
 * {@link #maps(Method)} selects. Its priority, {@code LIBRARY_BEFORE}, puts it outside the application's and the
 * platform's interceptors (e.g. MicroProfile Fault Tolerance's), which therefore still see the engine's own
 * {@code DataSourceException}; the mapping happens last, where the failure leaves for the resolver.
 */
@MapsToGraphQLErrors
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class GraphQLErrorMappingInterceptor {
    @Inject
    DataSourceConfigProducer producer;

    private GraphQLErrorMapper errors;

    /** Called by the container. */
    public GraphQLErrorMappingInterceptor() {
    }

    /**
     * Returns whether the methods of data-source beans get the binding: the methods an application declares in its
     * subclasses (not private, static or final), except those overriding a {@code RESTDataSource} method (its hooks
     * run inside the engine, which keeps plain {@code DataSourceException}s).
     */
    public static boolean maps(Method method) {
        int modifiers = method.getModifiers();
        Class<?> declaring = method.getDeclaringClass();
        if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)
                || method.isSynthetic() || method.isBridge() || declaring == Object.class
                || !RESTDataSource.class.isAssignableFrom(declaring) || declaring == RESTDataSource.class) {
            return false;
        }
        for (Class<?> c = RESTDataSource.class; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method base = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (!Modifier.isPrivate(base.getModifiers())) {
                    return false;
                }
            } catch (NoSuchMethodException e) {
                // not a hook
            }
        }
        return true;
    }

    /** Runs the method and maps what fails it ({@link GraphQLErrorMapper#mapFailures}). */
    @AroundInvoke
    public Object mapErrors(InvocationContext context) throws Exception {
        return errors().mapFailures(context.getMethod(), UnaryOperator.identity(), context::proceed);
    }

    private GraphQLErrorMapper errors() {
        GraphQLErrorMapper e = errors;
        if (e == null) {
            e = new GraphQLErrorMapper(producer.settings().exposeUpstreamDetails());
            errors = e;
        }
        return e;
    }
}
