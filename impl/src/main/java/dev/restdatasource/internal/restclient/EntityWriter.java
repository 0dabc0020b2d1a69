package dev.restdatasource.internal.restclient;

import dev.restdatasource.internal.http.MediaTypes;
import dev.restdatasource.internal.json.Json;
import jakarta.ws.rs.HttpMethod;
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
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the entity of one data-source Rest Client's requests into the bytes the pipeline sends, as the client
 * runtime would: through the client's {@link WriterInterceptor}s, in ascending priority, then the
 * {@code MessageBodyWriter} that {@link Providers#getMessageBodyWriter} picks for the entity's class, generic type,
 * annotations and media type (the user's {@code @RegisterProvider} and {@code mp-rest/providers} writers included, as
 * the runtime ranks them). Interceptors and writers may add or change the request's headers.
 *
 * <p>Interceptors are those the request's own {@link Configuration} lists for the {@code WriterInterceptor} contract,
 * read on every call (a runtime may give each interface method its own configuration, e.g. through a
 * {@code DynamicFeature}): its instances as they are (the runtime's own objects), and classes registered without an
 * instance made once per class here with their public no-argument constructor. The last stream an interceptor set is
 * flushed after the chain. Only when no writer applies does the pipeline's own rule write the entity: byte[] and
 * InputStream as they are, a String in its media type's charset (UTF-8 by default), any other object as JSON when the
 * media type is JSON or unset; any other entity fails with a {@link ProcessingException} naming its class, media type
 * and the client. An entity on a GET or HEAD is refused (it would not be part of the deduplication and cache keys).
 * Thread-safe.
 */
final class EntityWriter {
    /** The MicroProfile Rest Client property holding the invoked interface method. */
    static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    private final String client;
    private final Map<Class<?>, WriterInterceptor> created = new ConcurrentHashMap<>();

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
        refuseWithoutBody(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WriterInterceptorChain context = new WriterInterceptorChain(request, interceptors(request.getConfiguration()),
                c -> last(c, providers), out);
        context.proceed();
        context.getOutputStream().flush(); // a buffering stream set by an interceptor may still hold the tail
        return out.toByteArray();
    }

    /** A GET or HEAD must not carry an entity: its body would not be in the deduplication and cache keys. */
    private void refuseWithoutBody(ClientRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            Object invoked = request.getProperty(INVOKED_METHOD);
            String name = invoked instanceof Method m ? m.getName() : "(unknown method)";
            throw new ProcessingException("The Rest Client method " + client + "." + name + " is a " + method
                    + " with an entity: a @DataSource Rest Client sends no body with GET or HEAD (it would not be part "
                    + "of the deduplication and cache keys); use another HTTP method, or query or path parameters");
        }
    }

    /** The end of the chain: the client's writer for the context's current entity, type and media type. */
    private void last(WriterInterceptorChain context, Providers providers) throws IOException {
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
            out.write(text.getBytes(charset(mediaType)));
        } else if (mediaType.isWildcardType() || MediaTypes.isJson(mediaType.toString())) {
            defaultContentType(context, MediaType.APPLICATION_JSON);
            out.write(Json.toJson(entity));
        } else {
            throw new ProcessingException("No MessageBodyWriter for the entity " + context.getType().getName() + " as "
                    + mediaType + " in the Rest Client " + client
                    + (providers == null ? " (the client runtime injected no Providers)" : "")
                    + ": register one with @RegisterProvider or <configKey>/mp-rest/providers");
        }
    }

    /** The media type's charset parameter, UTF-8 when it names none. */
    private Charset charset(MediaType mediaType) {
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) { // illegal or unsupported name
            throw new ProcessingException("Unknown charset '" + name + "' in the media type " + mediaType
                    + " of a String entity in the Rest Client " + client, e);
        }
    }

    private static void defaultContentType(WriterInterceptorChain context, String value) {
        if (context.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE) == null) {
            context.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, value);
        }
    }

    /** The configuration's writer interceptors, in ascending priority (equal priorities in registration order). */
    private List<WriterInterceptor> interceptors(Configuration configuration) {
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
                ranked.add(new Ranked(created.computeIfAbsent(type, EntityWriter::instantiate), priority));
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
