package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.internal.bridge.Failures;
import dev.restdatasource.internal.graphql.GraphQLErrorMapper;
import jakarta.ws.rs.ProcessingException;
import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The instance behind {@code @Inject @DataSource SomeClient}: forwards each method to the Rest Client built for
 * the interface, choosing the request's data source on the calling thread first (see {@link CallContext}), and
 * gives callers the {@link DataSourceException} itself where the client runtime wrapped it (a
 * {@code ProcessingException}, or a {@code CompletionException} in a failed {@code CompletionStage}), mapped for
 * GraphQL clients by {@link GraphQLErrorMapper#mapFailures}, as the failures of {@code RESTDataSource} beans are: the
 * application's generated class for its code, with a message free of upstream URLs and bodies. For a method returning {@code CompletionStage} it copies the incoming request's
 * context first, as the client runs request filters on another thread, outside the request scope; the stage it returns
 * then is a {@link CallerRunsFuture}, so a thread that waits for it runs the call itself if no pool thread has yet.
 *
 * <p>When the interface has a {@link SynchronousTwin}, such a method is answered by calling the twin's method, the
 * Rest Client's synchronous path, as a task of the library's pool ({@link CallContextExecutor#submit}) that carries
 * the call's context and the caller's class loader: the client runtime's asynchronous machinery, which costs a
 * class-path scan per call in RESTEasy, never runs. The stage fails as the runtime's did: with a
 * {@code CompletionException} around what the call threw (the runtime's exception mappers have run), mapped for
 * GraphQL clients. Without a twin the runtime's asynchronous method is called, with the same context carried by
 * {@link CallContextPropagation} or {@link CallContextExecutor}. Thread-safe.
 */
final class ClientInvocationHandler implements InvocationHandler {
    private final Object client;
    private final SynchronousTwin twin;
    private final Object twinClient;
    private final DataSourceLocator locator;
    private final String description;

    private ClientInvocationHandler(Object client, SynchronousTwin twin, Object twinClient, DataSourceLocator locator,
            String description) {
        this.client = client;
        this.twin = twin;
        this.twinClient = twinClient;
        this.locator = locator;
        this.description = description;
    }

    /** Returns a proxy implementing {@code type} over {@code client}. */
    static <T> T create(Class<T> type, Object client, DataSourceLocator locator) {
        return create(type, client, null, null, locator);
    }

    /**
     * Returns a proxy implementing {@code type} over {@code client}, whose asynchronous methods call
     * {@code twinClient}, the Rest Client of {@code twin}, when both are not null.
     */
    static <T> T create(Class<T> type, Object client, SynchronousTwin twin, Object twinClient, DataSourceLocator locator) {
        boolean twinned = twin != null && twinClient != null;
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type, Closeable.class},
                new ClientInvocationHandler(client, twinned ? twin : null, twinned ? twinClient : null, locator,
                        "@DataSource " + type.getName())));
    }

    /** Returns the locator of the client's data sources (for tests). */
    DataSourceLocator locator() {
        return locator;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> description;
            };
        }
        if (method.getDeclaringClass() == Closeable.class || method.getDeclaringClass() == AutoCloseable.class) {
            try {
                if (twinClient instanceof AutoCloseable twinCloseable) {
                    twinCloseable.close();
                }
            } finally {
                if (client instanceof AutoCloseable closeable) {
                    closeable.close(); // releases the Rest Client's connections
                }
            }
            return null;
        }
        boolean async = CompletionStage.class.isAssignableFrom(method.getReturnType());
        CallContext context = locator.callContext(async);
        Method synchronous = async && twin != null ? twin.method(method) : null;
        if (synchronous != null) {
            return callOnPool(method, synchronous, args, context);
        }
        Object result = locator.errors().mapFailures(method, ClientInvocationHandler::unwrap, () -> {
            try (CallContext.Scope ignored = CallContext.enter(context)) {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        CallContextExecutor.Once task = async ? context.task() : null;
        if (task != null && result instanceof CompletableFuture<?> stage
                && method.getReturnType().isAssignableFrom(CallerRunsFuture.class)) {
            return CallerRunsFuture.of(stage, task); // a waiter runs the call if no pool thread took it yet
        }
        return result;
    }

    /**
     * Starts the twin's {@code synchronous} method as a task of the library's pool and returns its stage, a
     * {@link CallerRunsFuture} whose waiter runs the task if no pool thread took it yet.
     */
    private Object callOnPool(Method method, Method synchronous, Object[] args, CallContext context) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        CallContextExecutor.Once task = CallContextExecutor.contextual(context, () -> {
            try {
                answer.complete(synchronous.invoke(twinClient, args));
            } catch (InvocationTargetException e) {
                answer.completeExceptionally(asStageFailure(e.getCause()));
            } catch (Throwable e) { // as the runtime's stage, which fails with whatever the call threw
                answer.completeExceptionally(asStageFailure(e));
            }
        });
        CallContextExecutor.submit(task);
        Object stage = locator.errors().mapFailures(method, ClientInvocationHandler::unwrap, () -> answer);
        return CallerRunsFuture.of((CompletionStage<?>) stage, task);
    }

    /** The failure of the runtime's stage for {@code error}: wrapped in a {@code CompletionException}. */
    static Throwable asStageFailure(Throwable error) {
        return error instanceof CompletionException ? error : new CompletionException(error);
    }

    /**
     * Returns the DataSourceException inside the client runtime's wrappers ({@code ProcessingException},
     * {@code CompletionException}, {@code ExecutionException}), or {@code error} when there is none.
     */
    static Throwable unwrap(Throwable error) {
        Throwable t = Failures.unwrap(error);
        while (t instanceof ProcessingException && t.getCause() != null && t.getCause() != t) {
            t = Failures.unwrap(t.getCause());
        }
        return t instanceof DataSourceException ? t : error;
    }
}
