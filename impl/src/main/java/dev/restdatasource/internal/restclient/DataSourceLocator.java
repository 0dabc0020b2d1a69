package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceContext;
import dev.restdatasource.internal.config.DataSourceSettings;
import dev.restdatasource.internal.graphql.GraphQLErrorMapper;
import dev.restdatasource.internal.http.JdkHttpTransport;
import dev.restdatasource.internal.servlet.ServletDataSourceContext;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.net.ProxySelector;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finds the data source of one Rest Client interface for the current request scope: the one kept in
 * {@link RequestDataSources} when a request scope is active, else a new one (the call then shares the HTTP cache but
 * no deduplication with other calls). The calls run with the client's own {@link DataSourceConfig}, derived once
 * from the application's (its bean, else {@link DataSourceConfig#defaults()}) by {@link #derive}: same store, request
 * filters and clock, with the client's {@code mp-rest} timeouts, redirect setting, trust and key stores and proxy.
 * Interfaces with the same configKey and settings share one locator (see {@link RestClientDataSourceExtension}).
 * Thread-safe.
 */
final class DataSourceLocator {
    private static final System.Logger LOG = System.getLogger(DataSourceLocator.class.getName());
    private static final Object NOT_SERVLET = new Object();
    private static final Object PER_CALL = new Object();

    private final String name;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean followRedirects;
    private final SSLContext sslContext;
    private final ProxySelector proxySelector;
    private final BeanManager beanManager;
    private volatile DataSourceConfig config;
    private volatile GraphQLErrorMapper errors;
    /** The client proxy of the request-scoped {@link RequestDataSources}, resolved on first use. */
    private volatile RequestDataSources requestSources;
    /**
     * The application's {@link DataSourceContext} bean when it is a normal-scoped {@link ServletDataSourceContext}
     * (its client proxy, the same object for every request), {@link #NOT_SERVLET} when it is another one or none,
     * {@link #PER_CALL} when it is not normal-scoped, null until resolved.
     */
    private volatile Object servletContext;

    /**
     * @param connectTimeout  the client's {@code mp-rest/connectTimeout}, or null
     * @param readTimeout     the client's {@code mp-rest/readTimeout}, or null
     * @param followRedirects the client's {@code mp-rest/followRedirects} (false when not set, as in MP Rest Client)
     */
    DataSourceLocator(String name, Duration connectTimeout, Duration readTimeout, boolean followRedirects,
            BeanManager beanManager) {
        this(name, connectTimeout, readTimeout, followRedirects, null, null, beanManager);
    }

    /**
     * @param sslContext    the SSL context of the client's {@code mp-rest} trust and key stores, or null
     * @param proxySelector the proxy of the client's {@code mp-rest/proxyAddress}, or null
     */
    DataSourceLocator(String name, Duration connectTimeout, Duration readTimeout, boolean followRedirects,
            SSLContext sslContext, ProxySelector proxySelector, BeanManager beanManager) {
        this.name = name;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.followRedirects = followRedirects;
        this.sslContext = sslContext;
        this.proxySelector = proxySelector;
        this.beanManager = beanManager;
    }

    /**
     * Returns the locator of a client with {@code settings}, loading its trust and key stores now.
     *
     * @throws IllegalArgumentException naming the key when a store cannot be loaded or the proxy address is invalid
     */
    static DataSourceLocator of(RestClientSettings settings, BeanManager beanManager) {
        TlsAndProxySettings connection = settings.connection();
        SSLContext ssl = null;
        ProxySelector proxy = null;
        if (connection != null) {
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            ssl = connection.sslContext(tccl != null ? tccl : settings.type().getClassLoader());
            proxy = connection.proxySelector();
        }
        return new DataSourceLocator(settings.name(), settings.connectTimeout(), settings.readTimeout(),
                Boolean.TRUE.equals(settings.followRedirects()), ssl, proxy, beanManager);
    }

    /** Returns the data source to use for a call starting on this thread. */
    RestClientDataSource current() {
        return requestScopeActive() ? inRequestScope() : newSource();
    }

    /**
     * Returns the context of a call starting on this thread: its data source and, for an asynchronous call (one that
     * continues on another thread), a copy of the incoming request's context: the application's
     * {@link DataSourceContext} bean's {@link ServletDataSourceContext#snapshot()}, none when no request scope is
     * active or the application replaced the context bean. The request scope is looked at once for both.
     */
    CallContext callContext(boolean async) {
        if (!requestScopeActive()) {
            return new CallContext(newSource(), null);
        }
        return new CallContext(inRequestScope(), async ? snapshotInScope() : null);
    }

    private RestClientDataSource inRequestScope() {
        RequestDataSources sources = requestSources;
        if (sources == null) {
            sources = beanManager.createInstance().select(RequestDataSources.class).get(); // a client proxy
            requestSources = sources;
        }
        return sources.get(this, locator -> newSource());
    }

    private RestClientDataSource newSource() {
        return new RestClientDataSource(name, config());
    }

    private boolean requestScopeActive() {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private DataSourceContext snapshotInScope() {
        Object cached = servletContext;
        if (cached == null) {
            cached = resolveServletContext();
        }
        if (cached instanceof ServletDataSourceContext servlet) {
            return servlet.snapshot();
        }
        if (cached != PER_CALL) {
            return null;
        }
        // a bean of a pseudo-scope: looked up for each call, as its instances may differ
        Instance<DataSourceContext> found = beanManager.createInstance().select(DataSourceContext.class);
        return found.isResolvable() && found.get() instanceof ServletDataSourceContext servlet ? servlet.snapshot() : null;
    }

    /**
     * Resolves the context bean once: its client proxy when it is normal-scoped (the library's own bean is
     * application-scoped), {@link #NOT_SERVLET} when it is not a {@link ServletDataSourceContext} or not resolvable,
     * else {@link #PER_CALL}.
     */
    private Object resolveServletContext() {
        Instance<DataSourceContext> found = beanManager.createInstance().select(DataSourceContext.class);
        Object resolved;
        if (!found.isResolvable()) {
            resolved = NOT_SERVLET;
        } else if (!beanManager.isNormalScope(found.getHandle().getBean().getScope())) {
            resolved = PER_CALL;
        } else {
            resolved = found.get() instanceof ServletDataSourceContext servlet ? servlet : NOT_SERVLET;
        }
        servletContext = resolved;
        return resolved;
    }

    /** Returns the mapper for GraphQL clients, following {@value DataSourceSettings#EXPOSE_UPSTREAM_DETAILS}. */
    GraphQLErrorMapper errors() {
        GraphQLErrorMapper e = errors;
        if (e == null) {
            e = new GraphQLErrorMapper(settings().exposeUpstreamDetails());
            errors = e;
        }
        return e;
    }

    private DataSourceSettings settings() {
        Instance<DataSourceSettings> found = beanManager.createInstance().select(DataSourceSettings.class);
        return found.isResolvable() ? found.get() : DataSourceSettings.load(ConfigProvider.getConfig());
    }

    /**
     * Returns this client's configuration, derived on first use and then kept: the engine keys its per-configuration
     * state (the HTTP cache's in-flight revalidations, over the application's store) by this object.
     */
    DataSourceConfig config() {
        DataSourceConfig c = config;
        if (c == null) {
            synchronized (this) {
                c = config;
                if (c == null) {
                    Instance<DataSourceConfig> found = beanManager.createInstance().select(DataSourceConfig.class);
                    DataSourceConfig app = found.isResolvable() ? found.get() : DataSourceConfig.defaults();
                    DataSourceSettings settings = settings();
                    if (settings.hasOwnCredentialHeaders(name)) { // restdatasource.<configKey>.credential-headers
                        app = app.toBuilder().credentialHeaders(settings.credentialHeaders(name)).build();
                    }
                    c = derive(app);
                    config = c;
                }
            }
        }
        return c;
    }

    /**
     * Returns {@code app} with this client's settings: a transport of its own, on its own JDK HttpClient, with the
     * connect timeout, the SSL context of the trust and key stores and the proxy when any of them is set and the
     * application keeps the default transport (a transport of the application's own is kept, as it may carry TLS
     * or proxy settings: the client's are then not applied, with a warning); the read timeout as
     * the request timeout; redirects followed up to {@code app.maxRedirects()} only when {@code followRedirects}
     * is true, as MicroProfile Rest Client does not follow them by default. The cache store is the same object, so
     * entries are shared with every other data source.
     */
    DataSourceConfig derive(DataSourceConfig app) {
        DataSourceConfig.Builder builder = app.toBuilder().maxRedirects(followRedirects ? app.maxRedirects() : 0);
        if (connectTimeout != null || sslContext != null || proxySelector != null) {
            if (app.transport() == null) {
                builder.transport(JdkHttpTransport.create(
                        connectTimeout != null ? connectTimeout : JdkHttpTransport.DEFAULT_CONNECT_TIMEOUT,
                        sslContext, proxySelector));
            } else {
                LOG.log(System.Logger.Level.WARNING, "The connectTimeout, trust/key stores and proxyAddress of the"
                        + " @DataSource Rest Client " + name + " are not applied: the application's DataSourceConfig"
                        + " has its own transport, which is used");
            }
        }
        if (readTimeout != null) {
            builder.requestTimeout(readTimeout);
        }
        return builder.build();
    }
}
