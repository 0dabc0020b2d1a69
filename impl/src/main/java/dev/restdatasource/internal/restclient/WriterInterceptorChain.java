package dev.restdatasource.internal.restclient;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;

/**
 * One run of a chain of {@link WriterInterceptor}s over a client request's entity, ending in a last step that writes
 * it. Starts from the request's entity, types, annotations and media type; headers and properties are the request's
 * own, so changes made here are seen by the pipeline. A changed media type is also set as the request's
 * {@code Content-Type} (a null one removes it). Not thread-safe: one per write.
 */
final class WriterInterceptorChain implements WriterInterceptorContext {
    /** The step after the last interceptor. */
    interface Last {
        void write(WriterInterceptorChain context) throws IOException;
    }

    private final ClientRequestContext request;
    private final List<WriterInterceptor> interceptors;
    private final Last last;
    private int next;
    private Object entity;
    private Class<?> type;
    private Type genericType;
    private Annotation[] annotations;
    private MediaType mediaType;
    private OutputStream out;

    WriterInterceptorChain(ClientRequestContext request, List<WriterInterceptor> interceptors, Last last, OutputStream out) {
        this.request = request;
        this.interceptors = interceptors;
        this.last = last;
        this.out = out;
        this.entity = request.getEntity();
        this.type = request.getEntityClass();
        this.genericType = request.getEntityType();
        this.annotations = request.getEntityAnnotations();
        this.mediaType = request.getMediaType();
    }

    @Override
    public void proceed() throws IOException {
        if (next < interceptors.size()) {
            interceptors.get(next++).aroundWriteTo(this);
        } else {
            last.write(this);
        }
    }

    @Override
    public Object getEntity() {
        return entity;
    }

    @Override
    public void setEntity(Object entity) {
        this.entity = entity;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public void setOutputStream(OutputStream os) {
        this.out = os;
    }

    @Override
    public MultivaluedMap<String, Object> getHeaders() {
        return request.getHeaders();
    }

    @Override
    public Object getProperty(String name) {
        return request.getProperty(name);
    }

    @Override
    public Collection<String> getPropertyNames() {
        return request.getPropertyNames();
    }

    @Override
    public void setProperty(String name, Object object) {
        request.setProperty(name, object);
    }

    @Override
    public void removeProperty(String name) {
        request.removeProperty(name);
    }

    @Override
    public Annotation[] getAnnotations() {
        return annotations;
    }

    @Override
    public void setAnnotations(Annotation[] annotations) {
        this.annotations = annotations;
    }

    @Override
    public Class<?> getType() {
        return type;
    }

    @Override
    public void setType(Class<?> type) {
        this.type = type;
    }

    @Override
    public Type getGenericType() {
        return genericType;
    }

    @Override
    public void setGenericType(Type genericType) {
        this.genericType = genericType;
    }

    @Override
    public MediaType getMediaType() {
        return mediaType;
    }

    @Override
    public void setMediaType(MediaType mediaType) {
        this.mediaType = mediaType;
        if (mediaType == null) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        } else {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, mediaType);
        }
    }
}
