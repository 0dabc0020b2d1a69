package dev.restdatasource.it.batchfix;

import dev.restdatasource.impl.cdi.RestClientSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;

/**
 * Creates the request's {@link RestClientSources} as soon as the request scope starts. SmallRye runs a batch resolver
 * through a context-propagating executor ({@code DefaultDataFetcher.load}: {@code supplyAsync}), and Liberty then
 * refuses a request-scoped bean first created inside that task (CWWKC1158E, "You must access the CDI beans before
 * context is captured"): without this, a {@code @DataSource} client called first in a batch resolver fails.
 */
@ApplicationScoped
public class RequestScopePrimer {
    void prime(@Observes @Initialized(RequestScoped.class) Object request, RestClientSources sources) {
        sources.toString(); // a client proxy creates the contextual instance on its first call
    }
}
