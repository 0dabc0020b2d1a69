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
 * Thread-safe.
 */
final class ClientInvocationHandler implements InvocationHandler {
    private final Object client;
    private final DataSourceLocator locator;
    private final String description;

    private ClientInvocationHandler(Object client, DataSourceLocator locator, String description) {
        this.client = client;
        this.locator = locator;
        this.description = description;
    }

    /** Returns a proxy implementing {@code type} over {@code client}. */
    static <T> T create(Class<T> type, Object client, DataSourceLocator locator) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type, Closeable.class},
                new ClientInvocationHandler(client, locator, "@DataSource " + type.getName())));
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
            if (client instanceof AutoCloseable closeable) {
                closeable.close(); // releases the Rest Client's connections
            }
            return null;
        }
        boolean async = CompletionStage.class.isAssignableFrom(method.getReturnType());
        CallContext context = locator.callContext(async);
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
