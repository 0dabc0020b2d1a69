package dev.restdatasource.impl.cdi;

import dev.restdatasource.impl.http.MediaTypes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the entity of a data-source Rest Client request into the body the pipeline sends, with the client's own
 * {@code MessageBodyWriter}s: the one {@link Providers#getMessageBodyWriter} picks for the entity's class, generic
 * type, annotations and media type (the user's {@code @RegisterProvider} and {@code mp-rest/providers} writers
 * included, as the runtime ranks them) writes the bytes, and may add or change the request's headers. Only when the
 * runtime gives no {@code Providers}, or has no writer for a String, byte[], InputStream or JSON entity, does the
 * pipeline's own rule apply (see {@link dev.restdatasource.RESTDataSource#shouldJSONSerializeBody}). Any other entity
 * without a writer fails with a {@link ProcessingException} naming its class, media type and the client.
 * {@code WriterInterceptor}s are not run: the Jakarta REST API does not expose the client's interceptor chain.
 */
final class EntityWriter {
    private EntityWriter() {
    }

    /**
     * Returns the request's body for the pipeline: the written bytes, the entity itself for the pipeline's own rule,
     * or null when the request has no entity.
     *
     * @param providers the client's providers, or null when the runtime did not inject them
     * @param client    the client's name, for the error message
     */
    static Object body(ClientRequestContext request, Providers providers, String client) throws IOException {
        if (!request.hasEntity()) {
            return null;
        }
        Object entity = request.getEntity();
        MediaType mediaType = request.getMediaType() != null ? request.getMediaType() : MediaType.WILDCARD_TYPE;
        MessageBodyWriter<Object> writer = providers == null ? null : writer(request, providers, mediaType);
        if (writer != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.writeTo(entity, request.getEntityClass(), request.getEntityType(), request.getEntityAnnotations(),
                    mediaType, request.getHeaders(), out);
            return out.toByteArray();
        }
        if (entity instanceof InputStream in) {
            try (in) {
                return in.readAllBytes();
            }
        }
        if (providers == null || entity instanceof String || entity instanceof byte[] || isJson(mediaType)) {
            return entity;
        }
        throw new ProcessingException("No MessageBodyWriter for the entity " + request.getEntityClass().getName()
                + " as " + mediaType + " in the Rest Client " + client + " (" + request.getMethod() + " "
                + request.getUri().getRawPath() + "): register one with @RegisterProvider or <configKey>/mp-rest/providers");
    }

    @SuppressWarnings("unchecked")
    private static MessageBodyWriter<Object> writer(ClientRequestContext request, Providers providers,
            MediaType mediaType) {
        return (MessageBodyWriter<Object>) providers.getMessageBodyWriter(request.getEntityClass(),
                request.getEntityType(), request.getEntityAnnotations(), mediaType);
    }

    private static boolean isJson(MediaType type) {
        return type.isWildcardType() || MediaTypes.isJson(type.toString());
    }
}
