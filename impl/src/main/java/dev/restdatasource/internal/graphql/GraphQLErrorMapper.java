package dev.restdatasource.internal.graphql;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.ErrorCode;
import dev.restdatasource.internal.bridge.Failures;
import dev.restdatasource.internal.codegen.ErrorCodeClasses;
import dev.restdatasource.internal.http.StatusTexts;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * Turns a data-source failure into what a GraphQL client may see: an instance of the application's generated
 * class for its code ({@link dev.restdatasource.internal.codegen.ErrorCodeProcessor}), so SmallRye GraphQL reports the exact {@code extensions.code},
 * with a message that never holds the upstream URL or body.
 *
 * <p>{@link #toClient} first unwraps {@link CompletionException}, {@link ExecutionException} (the rule of
 * {@link Failures#unwrap}) and JAX-RS {@code ProcessingException}s. A plain {@link DataSourceException} (the class itself, as the engine throws it)
 * becomes an instance of {@code dev.restdatasource.graphql.codes.<Name>} for its code, loaded by name through the
 * thread context class loader (lookups are cached per class loader). The message is
 * <ul>
 * <li>{@code "Upstream timeout"}, {@code "Upstream unavailable"} or {@code "Invalid upstream response"} for those
 *     codes;</li>
 * <li>else {@code "<status>: <statusText>"} when there was an upstream answer (Apollo's message, e.g.
 *     {@code "404: Not Found"});</li>
 * <li>else {@code "Upstream error"};</li>
 * <li>or the original message when {@code restdatasource.expose-upstream-details=true}.</li>
 * </ul>
 * When the application has no generated class for the code, the {@code DataSourceException} itself is returned if
 * its message is already the one for clients, else a new plain {@code DataSourceException} with that message and the
 * same code, status, URL and body (the original as its cause). Subclasses of {@code DataSourceException} are the
 * application's own (or already mapped) and, like every other exception, pass through unchanged.
 *
 * <p>Used at the data-source boundary of the CDI integration, never inside the engine: both front ends (the
 * interceptor on {@code RESTDataSource} beans and the invocation handler of {@code @DataSource} Rest Client
 * instances) run each call through {@link #mapFailures}, the one place that maps a failed call, thrown or in a
 * returned {@code CompletionStage}. Immutable and thread-safe.
 */
public final class GraphQLErrorMapper {
    /** Marks a code whose class the class loader does not have. */
    private static final Object ABSENT = new Object();
    /** Per class loader, per code: a WeakReference to the class, or ABSENT. Weak keys: undeployed apps go away. */
    private static final Map<ClassLoader, Map<String, Object>> LOOKUPS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final String PROCESSING_EXCEPTION = "jakarta.ws.rs.ProcessingException";

    private final boolean exposeUpstreamDetails;

    /**
     * @param exposeUpstreamDetails {@code restdatasource.expose-upstream-details}: whether clients may see the
     *                              original message, which can hold the upstream URL
     */
    public GraphQLErrorMapper(boolean exposeUpstreamDetails) {
        this.exposeUpstreamDetails = exposeUpstreamDetails;
    }

    /** Returns whether the original messages are kept. */
    public boolean exposesUpstreamDetails() {
        return exposeUpstreamDetails;
    }

    /**
     * Returns what to throw to the GraphQL layer for {@code error}: the mapped exception when a
     * {@link DataSourceException} is found inside the wrappers; otherwise {@code error} itself when it is unchecked,
     * or a {@link CompletionException} around a checked exception or {@link Error}.
     */
    public RuntimeException toClient(Throwable error) {
        Throwable mapped = map(error);
        return mapped instanceof RuntimeException r ? r : new CompletionException(mapped);
    }

    /**
     * Returns the mapped exception when a plain {@link DataSourceException} is found inside {@code error}'s wrappers,
     * else {@code error} itself (the same instance).
     */
    public Throwable map(Throwable error) {
        return map(error, Thread.currentThread().getContextClassLoader());
    }

    /**
     * As {@link #map(Throwable)}, looking the generated classes up in {@code loader}: for failures that complete
     * on another thread, pass the context class loader of the thread that made the call.
     *
     * @param loader the application's class loader; null for this library's own
     */
    public Throwable map(Throwable error, ClassLoader loader) {
        Throwable t = Failures.unwrap(error);
        while (isProcessingException(t) && t.getCause() != null && t.getCause() != t) {
            t = Failures.unwrap(t.getCause());
        }
        return t instanceof DataSourceException e && e.getClass() == DataSourceException.class ? toClient(e, loader) : error;
    }

    /**
     * Runs one call of a data source's method for a GraphQL resolver and maps what fails it, the same way for every
     * front end: a failure it throws is replaced by {@link #map(Throwable)} of {@code unwrap.apply(failure)} when that
     * is a {@link DataSourceException} other than the failure itself, else rethrown as it is; when {@code method}
     * declares a return type that a {@link CompletableFuture} fits and the call returns a {@link CompletionStage},
     * a stage that completes as it does, its failure mapped the same way (looking the generated classes up in the
     * calling thread's context class loader, as the stage may complete on another thread), is returned instead.
     *
     * @param method the method called, or null (then a returned stage is left as it is)
     * @param unwrap what the front end strips from a failure before it is mapped (e.g. the Rest Client runtime's
     *               wrappers), returning the failure itself or a {@link DataSourceException}
     * @param call   the call
     * @throws X what the call throws, mapped
     */
    public <X extends Throwable> Object mapFailures(Method method, UnaryOperator<Throwable> unwrap, Call<X> call)
            throws X {
        Object result;
        try {
            result = call.proceed();
        } catch (Throwable failure) {
            Throwable mapped = map(unwrap.apply(failure));
            if (mapped != failure && mapped instanceof RuntimeException replaced) {
                throw replaced;
            }
            throw failure;
        }
        if (result instanceof CompletionStage<?> stage && method != null
                && method.getReturnType().isAssignableFrom(CompletableFuture.class)) {
            ClassLoader application = Thread.currentThread().getContextClassLoader(); // the stage may end elsewhere
            CompletableFuture<Object> mapped = new CompletableFuture<>();
            stage.whenComplete((value, failure) -> {
                if (failure == null) {
                    mapped.complete(value);
                } else {
                    mapped.completeExceptionally(map(unwrap.apply(failure), application));
                }
            });
            return mapped;
        }
        return result;
    }

    /**
     * One call of a data source's method, as a front end runs it.
     *
     * @param <X> the checked exception the call may throw
     */
    @FunctionalInterface
    public interface Call<X extends Throwable> {
        /** Runs the call and returns its result. */
        Object proceed() throws X;
    }

    /**
     * Returns {@code e} as the class the application (the thread context class loader) has for its code, with the
     * message for clients.
     */
    public DataSourceException toClient(DataSourceException e) {
        return toClient(e, Thread.currentThread().getContextClassLoader());
    }

    private DataSourceException toClient(DataSourceException e, ClassLoader loader) {
        if (e.getClass() != DataSourceException.class) {
            return e;
        }
        String message = exposeUpstreamDetails ? e.getMessage() : safeMessage(e);
        Class<?> type = lookup(e.code(), loader);
        if (type != null) {
            try {
                Constructor<?> constructor = type.getConstructor(String.class, DataSourceException.class);
                return (DataSourceException) constructor.newInstance(message, e);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError broken) {
                e.addSuppressed(broken);
            }
        }
        if (java.util.Objects.equals(message, e.getMessage())) {
            return e;
        }
        return new DataSourceException(message, e.code(), e.status(), e.statusText(), e.url(), e.body(), e);
    }

    /** Returns the message a client may see for {@code e}: never the URL or body. */
    public static String safeMessage(DataSourceException e) {
        switch (e.code()) {
            case ErrorCode.UPSTREAM_TIMEOUT:
                return "Upstream timeout";
            case ErrorCode.UPSTREAM_UNAVAILABLE:
                return "Upstream unavailable";
            case ErrorCode.INVALID_UPSTREAM_RESPONSE:
                return "Invalid upstream response";
            default:
                break;
        }
        if (e.status() > 0) {
            String text = e.statusText().isEmpty() ? StatusTexts.of(e.status()) : e.statusText();
            return text == null || text.isEmpty() ? String.valueOf(e.status()) : e.status() + ": " + text;
        }
        return "Upstream error";
    }

    /** Whether {@code t} is a JAX-RS {@code ProcessingException}, tested by name: JAX-RS is optional. */
    private static boolean isProcessingException(Throwable t) {
        for (Class<?> c = t == null ? null : t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            if (c.getName().equals(PROCESSING_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the generated class for {@code code} as {@code applicationLoader} (else this library's) sees it, or null. */
    private static Class<?> lookup(String code, ClassLoader applicationLoader) {
        ClassLoader loader = applicationLoader;
        if (loader == null) {
            loader = GraphQLErrorMapper.class.getClassLoader();
        }
        if (loader == null) {
            return null;
        }
        Map<String, Object> known = LOOKUPS.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        Object cached = known.get(code);
        if (cached instanceof WeakReference<?> ref) {
            Object type = ref.get();
            if (type != null) {
                return (Class<?>) type;
            }
        } else if (cached == ABSENT) {
            return null;
        }
        Class<?> type = load(loader, ErrorCodeClasses.className(code));
        known.put(code, type == null ? ABSENT : new WeakReference<Class<?>>(type));
        return type;
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            return DataSourceException.class.isAssignableFrom(type) ? type : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
