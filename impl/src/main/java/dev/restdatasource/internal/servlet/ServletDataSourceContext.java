package dev.restdatasource.internal.servlet;

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
import java.util.TreeMap;
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
 * <p>While an asynchronous {@code @DataSource} Rest Client call runs on another thread (where the request scope is
 * not active), reads answer from a {@link #snapshot()} taken on the calling thread when the call started.
 *
 * <p>The bean is application-scoped on purpose: it holds no state of its own, and a request-scoped bean's client
 * proxy would throw {@link ContextNotActiveException} outside a request before this class could answer. Replace it
 * with an {@code @Alternative @Priority} bean of type {@link DataSourceContext} to read another source. Thread-safe.
 */
@ApplicationScoped
public class ServletDataSourceContext implements DataSourceContext {
    /** The snapshot this thread answers from (see {@link #answerFrom}), or null for the request scope. */
    private static final ThreadLocal<DataSourceContext> SNAPSHOT = new ThreadLocal<>();

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

    /**
     * Returns a copy of the current request's context: its headers and attributes as they are now, readable on
     * any thread; attributes set on the copy stay in the copy. Outside a request scope, an empty copy. Used for
     * asynchronous Rest Client calls, whose request filters run on another thread.
     */
    public DataSourceContext snapshot() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        RequestState s = current.get();
        HttpServletRequest request = s == null ? null : s.servletRequest();
        if (request != null) {
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name, List.copyOf(Collections.list(request.getHeaders(name))));
            }
            for (String name : Collections.list(request.getAttributeNames())) {
                Object value = request.getAttribute(name);
                if (value != null) {
                    attributes.put(name, value);
                }
            }
        } else if (s != null) {
            attributes.putAll(s.attributes());
        }
        return new Snapshot(Collections.unmodifiableMap(headers), attributes);
    }

    @Override
    public String header(String name) {
        DataSourceContext captured = captured();
        if (captured != null) {
            return captured.header(name);
        }
        HttpServletRequest request = servletRequest();
        return request == null ? null : request.getHeader(name);
    }

    @Override
    public List<String> headers(String name) {
        DataSourceContext captured = captured();
        if (captured != null) {
            return captured.headers(name);
        }
        HttpServletRequest request = servletRequest();
        Enumeration<String> values = request == null ? null : request.getHeaders(name);
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(Collections.list(values)));
    }

    @Override
    public Object attribute(String name) {
        DataSourceContext captured = captured();
        if (captured != null) {
            return captured.attribute(name);
        }
        RequestState s = current.get();
        if (s == null) {
            return null;
        }
        HttpServletRequest request = s.servletRequest();
        return request != null ? request.getAttribute(name) : s.attributes().get(name);
    }

    @Override
    public void attribute(String name, Object value) {
        DataSourceContext captured = captured();
        if (captured != null) {
            captured.attribute(name, value);
            return;
        }
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

    /**
     * Makes this bean answer on the current thread from {@code snapshot} (a {@link #snapshot()} taken on the thread
     * that started an asynchronous call) until the returned scope is closed, which restores what the thread answered
     * from before. A null {@code snapshot} means the current request scope. Used by the {@code @DataSource} Rest Client
     * bridge around each call, on whichever thread runs it.
     */
    public static SnapshotScope answerFrom(DataSourceContext snapshot) {
        DataSourceContext previous = SNAPSHOT.get();
        SNAPSHOT.set(snapshot);
        return () -> {
            if (previous == null) {
                SNAPSHOT.remove();
            } else {
                SNAPSHOT.set(previous);
            }
        };
    }

    /** The copy an asynchronous Rest Client call running on this thread took of its request's context, or null. */
    private static DataSourceContext captured() {
        return SNAPSHOT.get();
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

    /** A copy of one request's context, readable on any thread. */
    private record Snapshot(Map<String, List<String>> headerMap, Map<String, Object> attributes)
            implements DataSourceContext {
        @Override
        public String header(String name) {
            List<String> values = headerMap.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public List<String> headers(String name) {
            return headerMap.getOrDefault(name, List.of());
        }

        @Override
        public Object attribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void attribute(String name, Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }
    }

    /** Ends an {@link #answerFrom}; never throws. */
    public interface SnapshotScope extends AutoCloseable {
        @Override
        void close();
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
