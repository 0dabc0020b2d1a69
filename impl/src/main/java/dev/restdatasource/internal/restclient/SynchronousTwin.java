package dev.restdatasource.internal.restclient;

import java.io.Closeable;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptorFactory;

/**
 * The synchronous twin of a Rest Client interface: an interface generated at run time, in the same package and class
 * loader, with the original's annotations and, for each of its abstract methods returning {@code CompletionStage<T>}
 * or {@code CompletableFuture<T>}, a method of the same name, parameters, annotations and declared exceptions that
 * returns {@code T} ({@code void} for {@code Void}). A Rest Client built for the twin, with the same settings and
 * providers, makes the same HTTP request as the original's asynchronous method, on the Rest Client's synchronous
 * path. The {@code @DataSource} proxy calls that on the library's own pool (see {@link ClientInvocationHandler}).
 *
 * <p>Why: MicroProfile Rest Client 6.2 in RESTEasy (Open Liberty and WildFly) runs each asynchronous call through its
 * contextual executor, which looks the thread-context providers up with a {@code ServiceLoader} class-path scan on
 * every call; under a GraphQL fan-out of 20 cached calls per request that scan was most of the server's time.
 * Calling the synchronous path on our own thread skips the runtime's asynchronous machinery altogether. Other ways
 * were rejected: building the request from the annotations with JAX-RS {@code WebTarget}s would copy the Rest Client
 * runtime (parameters, header factories, {@code @ClientHeaderParam}, providers, exception mappers) and drift from it;
 * calling the asynchronous method on a blocking thread still runs the scan. The twin uses only portable API: a
 * class file written here ({@link InterfaceFile}), defined with {@link MethodHandles.Lookup#defineClass}, and the
 * MicroProfile {@code RestClientBuilder}.
 *
 * <p>No twin is made (the asynchronous calls keep the runtime's own path) when one of these would make the two paths
 * differ: a provider registered on the interface or in its configuration is an
 * {@link AsyncInvocationInterceptorFactory} (it would no longer run); a {@code @ClientHeaderParam} computes its value
 * with a method of the interface ({@code "{name}"}: the twin has no such method); the interface extends an interface
 * other than {@code AutoCloseable} or {@code Closeable}, or is generic; an asynchronous method is generic or has no
 * type argument; or the twin cannot be written or defined (logged at INFO). Twins are made once per interface.
 * Immutable, thread-safe.
 */
final class SynchronousTwin {
    private static final System.Logger LOG = System.getLogger(SynchronousTwin.class.getName());
    /** Appended to the interface's name to name its twin. */
    static final String SUFFIX = "$$RestDataSourceSync";

    private static final ClassValue<Optional<SynchronousTwin>> TWINS = new ClassValue<>() {
        @Override
        protected Optional<SynchronousTwin> computeValue(Class<?> type) {
            return Optional.ofNullable(make(type));
        }
    };

    private final Class<?> type;
    /** The original's asynchronous methods, each to its twin's method. */
    private final Map<Method, Method> methods;

    private SynchronousTwin(Class<?> type, Map<Method, Method> methods) {
        this.type = type;
        this.methods = methods;
    }

    /**
     * Returns the twin of {@code type}, or null when it has none (see the class comment).
     *
     * @param providers the classes of the providers registered for the interface through its configuration
     */
    static SynchronousTwin of(Class<?> type, Collection<Class<?>> providers) {
        for (Class<?> provider : providers) {
            if (AsyncInvocationInterceptorFactory.class.isAssignableFrom(provider)) {
                return null;
            }
        }
        return TWINS.get(type).orElse(null);
    }

    /** The generated interface. */
    Class<?> type() {
        return type;
    }

    /** Returns the twin's method for {@code method} of the original, or null when it has none. */
    Method method(Method method) {
        return methods.get(method);
    }

    /** Returns whether {@code method} returns a {@code CompletionStage} or {@code CompletableFuture}. */
    static boolean isAsync(Method method) {
        Class<?> returned = method.getReturnType();
        return returned == CompletionStage.class || returned == CompletableFuture.class;
    }

    private static SynchronousTwin make(Class<?> type) {
        try {
            if (!eligible(type)) {
                return null;
            }
            List<Method> originals = new ArrayList<>();
            List<InterfaceFile.MethodSpec> specs = new ArrayList<>();
            for (Method method : type.getMethods()) {
                if (!isAsync(method) || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                if (method.getTypeParameters().length > 0
                        || !(method.getGenericReturnType() instanceof ParameterizedType stage)) {
                    return null;
                }
                Type value = stage.getActualTypeArguments()[0];
                originals.add(method);
                specs.add(new InterfaceFile.MethodSpec(method.getName(), value == Void.class ? void.class : value,
                        method.getGenericParameterTypes(), method.getExceptionTypes(), method.getDeclaredAnnotations(),
                        method.getParameterAnnotations()));
            }
            if (originals.isEmpty()) {
                return null;
            }
            byte[] file = InterfaceFile.write(type.getName() + SUFFIX, Modifier.isPublic(type.getModifiers()),
                    type.getDeclaredAnnotations(), specs);
            Class<?> twin = MethodHandles.privateLookupIn(type, MethodHandles.lookup()).defineClass(file);
            Map<Method, Method> methods = new HashMap<>();
            for (Method original : originals) {
                methods.put(original, twin.getMethod(original.getName(), original.getParameterTypes()));
            }
            return new SynchronousTwin(twin, Map.copyOf(methods));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, () -> "No synchronous twin for the Rest Client " + type.getName()
                    + " (" + e + "): its asynchronous methods keep the client runtime's asynchronous path", e);
            return null;
        }
    }

    /** Whether the interface as a whole allows a twin (see the class comment). */
    private static boolean eligible(Class<?> type) {
        if (!type.isInterface() || type.getTypeParameters().length > 0) {
            return false;
        }
        for (Class<?> parent : type.getInterfaces()) {
            if (parent != AutoCloseable.class && parent != Closeable.class) {
                return false;
            }
        }
        for (RegisterProvider provider : type.getAnnotationsByType(RegisterProvider.class)) {
            if (AsyncInvocationInterceptorFactory.class.isAssignableFrom(provider.value())) {
                return false;
            }
        }
        if (computesHeaderInInterface(type.getAnnotationsByType(ClientHeaderParam.class))) {
            return false;
        }
        for (Method method : type.getMethods()) {
            if (isAsync(method) && computesHeaderInInterface(method.getAnnotationsByType(ClientHeaderParam.class))) {
                return false;
            }
        }
        return true;
    }

    /** Whether one of the headers is computed by a method of the interface: {@code "{name}"}, no class named. */
    private static boolean computesHeaderInInterface(ClientHeaderParam[] headers) {
        for (ClientHeaderParam header : headers) {
            for (String value : header.value()) {
                String v = value.trim();
                if (v.startsWith("{") && v.endsWith("}") && v.indexOf('.') < 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
