package dev.restdatasource.impl.cdi;

import dev.restdatasource.impl.http.MediaTypes;
import dev.restdatasource.impl.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the entity of one data-source Rest Client's requests into the bytes the pipeline sends, as the client
 * runtime would: through the client's {@link WriterInterceptor}s, in ascending priority, then the
 * {@code MessageBodyWriter} that {@link Providers#getMessageBodyWriter} picks for the entity's class, generic type,
 * annotations and media type (the user's {@code @RegisterProvider} and {@code mp-rest/providers} writers included, as
 * the runtime ranks them). Interceptors and writers may add or change the request's headers.
 *
 * <p>Interceptors are those the client's {@link Configuration} lists for the {@code WriterInterceptor} contract: its
 * instances as they are (the runtime's own objects), and classes registered without an instance made once here with
 * their public no-argument constructor. Only when no writer applies does the pipeline's own rule write the entity:
 * byte[], InputStream and String as they are, any other object as JSON when the media type is JSON (or there is no
 * {@code Providers}); any other entity fails with a {@link ProcessingException} naming its class, media type and the
 * client. Thread-safe.
 */
final class EntityWriter {
    private final String client;
    private volatile List<WriterInterceptor> interceptors;

    /** @param client the Rest Client's name, for error messages */
    EntityWriter(String client) {
        this.client = client;
    }

    /**
     * Returns the request's body, or null when it has no entity.
     *
     * @param providers the client's providers, or null when the runtime did not inject them
     */
    byte[] write(ClientRequestContext request, Providers providers) throws IOException {
        if (!request.hasEntity()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WriteContext(request, interceptors(request.getConfiguration()), context -> last(context, providers), out)
                .proceed();
        return out.toByteArray();
    }

    /** The end of the chain: the client's writer for the context's current entity, type and media type. */
    private void last(WriteContext context, Providers providers) throws IOException {
        Object entity = context.getEntity();
        MediaType mediaType = context.getMediaType() != null ? context.getMediaType() : MediaType.WILDCARD_TYPE;
        @SuppressWarnings("unchecked")
        MessageBodyWriter<Object> writer = providers == null ? null : (MessageBodyWriter<Object>) providers
                .getMessageBodyWriter(context.getType(), context.getGenericType(), context.getAnnotations(), mediaType);
        OutputStream out = context.getOutputStream();
        if (writer != null) {
            writer.writeTo(entity, context.getType(), context.getGenericType(), context.getAnnotations(), mediaType,
                    context.getHeaders(), out);
        } else if (entity instanceof byte[] bytes) {
            out.write(bytes);
        } else if (entity instanceof InputStream in) {
            try (in) {
                in.transferTo(out);
            }
        } else if (entity instanceof String text) {
            defaultContentType(context, "text/plain; charset=UTF-8");
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } else if (providers == null || mediaType.isWildcardType() || MediaTypes.isJson(mediaType.toString())) {
            defaultContentType(context, MediaType.APPLICATION_JSON);
            out.write(Json.toJson(entity));
        } else {
            throw new ProcessingException("No MessageBodyWriter for the entity " + context.getType().getName() + " as "
                    + mediaType + " in the Rest Client " + client + ": register one with @RegisterProvider or "
                    + "<configKey>/mp-rest/providers");
        }
    }

    private static void defaultContentType(WriteContext context, String value) {
        if (context.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE) == null) {
            context.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, value);
        }
    }

    private List<WriterInterceptor> interceptors(Configuration configuration) {
        List<WriterInterceptor> found = interceptors;
        if (found == null) {
            found = find(configuration);
            interceptors = found;
        }
        return found;
    }

    private static List<WriterInterceptor> find(Configuration configuration) {
        record Ranked(WriterInterceptor interceptor, int priority) {
        }
        List<Ranked> ranked = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Object instance : configuration.getInstances()) {
            Integer priority = priority(configuration, instance.getClass());
            if (instance instanceof WriterInterceptor interceptor && priority != null && seen.add(instance.getClass())) {
                ranked.add(new Ranked(interceptor, priority));
            }
        }
        for (Class<?> type : configuration.getClasses()) {
            Integer priority = priority(configuration, type);
            if (WriterInterceptor.class.isAssignableFrom(type) && priority != null && seen.add(type)) {
                ranked.add(new Ranked(instantiate(type), priority));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::priority)); // stable: equal priorities keep registration order
        return ranked.stream().map(Ranked::interceptor).toList();
    }

    /** The priority the class is registered with for the WriterInterceptor contract, or null when it is not. */
    private static Integer priority(Configuration configuration, Class<?> type) {
        Map<Class<?>, Integer> contracts = configuration.getContracts(type);
        if (contracts == null || !contracts.containsKey(WriterInterceptor.class)) {
            return null;
        }
        Integer priority = contracts.get(WriterInterceptor.class);
        return priority != null ? priority : Priorities.USER;
    }

    private static WriterInterceptor instantiate(Class<?> type) {
        try {
            return (WriterInterceptor) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ProcessingException("Cannot create the WriterInterceptor " + type.getName()
                    + " (registered by class) for a @DataSource Rest Client: it needs a public no-argument constructor", e);
        }
    }
}
