package dev.restdatasource.internal.restclient;

import dev.restdatasource.DataSource;
import dev.restdatasource.DataSourceConfig;
import dev.restdatasource.DataSourceContext;
import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.RequestFilter;
import dev.restdatasource.internal.servlet.ServletDataSourceContext;
import dev.restdatasource.store.InMemoryKeyValueCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The Rest Client interfaces, providers and beans the Rest Client data-source tests deploy. */
final class RestClientFixtures {
    private RestClientFixtures() {
    }

    /** A JSON body. */
    public static class Movie {
        public String id;
        public String title;
    }

    /** The main client: a user filter and a header factory, sync and async methods. */
    @RegisterRestClient(configKey = "movies")
    @RegisterProvider(UserFilter.class)
    @RegisterClientHeaders(FactoryHeaders.class)
    @Path("/")
    public interface MoviesClient {
        @GET
        @Path("movies/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        Movie movie(@PathParam("id") String id);

        @GET
        @Path("movies/{id}")
        @Produces(MediaType.APPLICATION_JSON)
        CompletionStage<Movie> movieAsync(@PathParam("id") String id);

        @POST
        @Path("movies/{id}")
        @Consumes(MediaType.APPLICATION_JSON)
        void update(@PathParam("id") String id, Movie movie);

        @GET
        @Path("status/{code}")
        String status(@PathParam("code") int code);

        @GET
        @Path("status/{code}")
        CompletionStage<String> statusAsync(@PathParam("code") int code);
    }

    /** A client whose header factory adds credentials. */
    @RegisterRestClient(configKey = "account")
    @RegisterClientHeaders(BearerHeaders.class)
    @Path("/")
    public interface AccountClient {
        @GET
        @Path("account")
        String account();
    }

    /** A client whose upstream refuses connections. */
    @RegisterRestClient(configKey = "dead")
    @Path("/")
    public interface DeadClient {
        @GET
        @Path("anything")
        String anything();
    }

    /** A user's own JAX-RS filter, registered on the interface. */
    public static class UserFilter implements ClientRequestFilter {
        @Override
        public void filter(ClientRequestContext request) {
            request.getHeaders().putSingle("X-User-Filter", "yes");
        }
    }

    /** A header factory adding one fixed header. */
    abstract static class FixedHeader implements ClientHeadersFactory {
        private final String name;
        private final String value;

        FixedHeader(String name, String value) {
            this.name = name;
            this.value = value;
        }

        @Override
        public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                MultivaluedMap<String, String> outgoing) {
            MultivaluedMap<String, String> added = new MultivaluedHashMap<>();
            added.putSingle(name, value);
            return added;
        }
    }

    /** A user's header factory. */
    public static class FactoryHeaders extends FixedHeader {
        public FactoryHeaders() {
            super("X-Headers-Factory", "yes");
        }
    }

    /** A header factory adding an Authorization header. */
    public static class BearerHeaders extends FixedHeader {
        public BearerHeaders() {
            super("Authorization", "Bearer secret");
        }
    }

    /** A request filter bean for the "movies" data source only: the context's "tenant" attribute, else acme. */
    @ApplicationScoped
    public static class TenantFilter implements RequestFilter {
        @Inject
        DataSourceContext context;

        @Override
        public void filter(String dataSource, DataSourceRequest request) {
            if (dataSource.equals("movies")) {
                Object tenant = context.attribute("tenant");
                request.header("X-Tenant", tenant == null ? "acme" : tenant.toString());
            }
        }
    }

    /** Stands in for the application's DataSourceConfig producer: one config, with every RequestFilter bean. */
    @ApplicationScoped
    public static class ConfigProducer {
        @Inject
        Instance<RequestFilter> filters;

        private volatile DataSourceConfig config;

        @jakarta.enterprise.inject.Produces
        DataSourceConfig config() {
            if (config == null) {
                synchronized (this) {
                    if (config == null) {
                        config = DataSourceConfig.builder().cache(InMemoryKeyValueCache.create())
                                .requestFilters(filters.stream().toList()).build();
                    }
                }
            }
            return config;
        }
    }

    /** A bean that injects the data sources, as a GraphQL API bean would (dependent: tests read its fields). */
    @jakarta.enterprise.context.Dependent
    public static class Api {
        @Inject
        @DataSource
        MoviesClient movies;

        @Inject
        @DataSource
        AccountClient account;

        @Inject
        @DataSource
        DeadClient dead;
    }

    /** A config source over a map, for tests. */
    static final class MapConfigSource implements ConfigSource {
        private final Map<String, String> values;

        MapConfigSource(Map<String, String> values) {
            this.values = new HashMap<>(values);
        }

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String name) {
            return values.get(name);
        }

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public int getOrdinal() {
            return 500;
        }
    }

    static List<Class<?>> beans() {
        return List.of(TenantFilter.class, ConfigProducer.class, Api.class, ServletDataSourceContext.class,
                ServletDataSourceContext.RequestState.class);
    }
}
