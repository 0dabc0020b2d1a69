package dev.restdatasource.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.ConfigProvider;

/** Prints where to go once the application has started. */
@ApplicationScoped
public class StartupBanner {
    void started(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        String port = ConfigProvider.getConfig().getOptionalValue("default.http.port", String.class).orElse("9080");
        String base = "http://127.0.0.1:" + port + context.getContextPath();
        System.out.println("restdatasource example is up:"
                + "\n  GraphQL     POST " + base + "/graphql"
                + "\n  GraphiQL    " + base + "/graphql-ui"
                + "\n  upstream    " + base + "/upstream/  (request counts: GET " + base + "/upstream/stats)"
                + "\n  try: curl -s -H 'Content-Type: application/json' " + base
                + "/graphql -d '{\"query\":\"{ movie(id:\\\"1\\\"){ id title } }\"}'");
    }
}
