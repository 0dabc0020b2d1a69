package dev.restdatasource.impl.cdi;

import dev.restdatasource.DataSourceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@link DataSourceContext} bean: the incoming HTTP request of the current CDI request scope. Headers come
 * from the injected {@link HttpServletRequest}; attributes are that request's servlet attributes, so a servlet
 * filter's {@code request.setAttribute("token", ...)} is visible to data sources and filters.
 *
 * <p>Never fails for lack of a request: outside an active request scope every read answers null or an empty list
 * and writes are ignored; in a request scope without a servlet request (a request context activated by
 * {@code RequestContextController}, a test, a non-HTTP GraphQL transport) headers are absent and attributes live
 * in the request scope for its lifetime.
 *
 * <p>The bean is application-scoped on purpose: it holds no state of its own, and a request-scoped bean's client
 * proxy would throw {@link ContextNotActiveException} outside a request before this class could answer. Replace it
 * with an {@code @Alternative @Priority} bean of type {@link DataSourceContext} to read another source. Thread-safe.
 */
@ApplicationScoped
public class ServletDataSourceContext implements DataSourceContext {
    @Inject
    BeanManager beanManager;

    @Inject
    RequestState state;

    private final Supplier<RequestState> current;

    /** Used by CDI. */
    public ServletDataSourceContext() {
        this.current = this::fromContainer;
    }

    /** For tests: reads the state {@code current} returns (null: no request). */
    ServletDataSourceContext(Supplier<RequestState> current) {
        this.current = Objects.requireNonNull(current);
    }

    @Override
    public String header(String name) {
        HttpServletRequest request = servletRequest();
        return request == null ? null : request.getHeader(name);
    }

    @Override
    public List<String> headers(String name) {
        HttpServletRequest request = servletRequest();
        Enumeration<String> values = request == null ? null : request.getHeaders(name);
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(Collections.list(values)));
    }

    @Override
    public Object attribute(String name) {
        RequestState s = current.get();
        if (s == null) {
            return null;
        }
        HttpServletRequest request = s.servletRequest();
        return request != null ? request.getAttribute(name) : s.attributes().get(name);
    }

    @Override
    public void attribute(String name, Object value) {
        RequestState s = current.get();
        if (s == null) {
            return;
        }
        HttpServletRequest request = s.servletRequest();
        if (request != null) {
            request.setAttribute(name, value); // null removes, as in the servlet API
        } else if (value == null) {
            s.attributes().remove(name);
        } else {
            s.attributes().put(name, value);
        }
    }

    private HttpServletRequest servletRequest() {
        RequestState s = current.get();
        return s == null ? null : s.servletRequest();
    }

    private RequestState fromContainer() {
        try {
            return beanManager.getContext(RequestScoped.class).isActive() ? state : null;
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    /**
     * What {@link ServletDataSourceContext} keeps per request scope: the servlet request, looked up once, and the
     * attributes set while there is none. Not for application use.
     */
    @RequestScoped
    public static class RequestState {
        @Inject
        Instance<HttpServletRequest> servletRequests;

        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        private volatile boolean resolved;
        private volatile HttpServletRequest request;

        /** Used by CDI. */
        public RequestState() {
        }

        /** For tests: a state over {@code request} (null: no servlet request). */
        RequestState(HttpServletRequest request) {
            this.request = request;
            this.resolved = true;
        }

        /** Returns the attributes set in this scope while there is no servlet request; mutable, thread-safe. */
        public Map<String, Object> attributes() {
            return attributes;
        }

        /** Returns the servlet request of this scope, or null when there is none. */
        public HttpServletRequest servletRequest() {
            if (!resolved) {
                HttpServletRequest found = null;
                try {
                    if (servletRequests != null && servletRequests.isResolvable()) {
                        found = servletRequests.get();
                        found.getMethod(); // fails here, not later, when the container has no current servlet request
                    }
                } catch (IllegalStateException | ContextNotActiveException noServletRequest) {
                    found = null;
                }
                request = found;
                resolved = true;
            }
            return request;
        }
    }
}
