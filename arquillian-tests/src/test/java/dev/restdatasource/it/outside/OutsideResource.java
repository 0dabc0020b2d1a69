package dev.restdatasource.it.outside;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows the tests what data sources answered outside a GraphQL request: {@code outside/warm-up} (the startup
 * warm-up's results) and {@code outside/task/{id}}, which runs the calls as a task of the server's
 * {@code ManagedExecutorService} (activating a request context with {@link RequestContextController}) and answers
 * with their results once the task is done.
 */
@Path("outside")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class OutsideResource {
    /** The server's default ManagedExecutorService (typed as ExecutorService: no compile-time Concurrency API). */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    @Inject
    Instance<RequestContextController> controllers;

    @Inject
    WarmUp warmUp;

    @Inject
    OutsideCalls calls;

    /** What the startup warm-up's calls answered. */
    @GET
    @Path("warm-up")
    public Map<String, String> warmUp() {
        return warmUp.results();
    }

    /** Runs the calls for {@code id} in a managed executor task and returns what they answered. */
    @GET
    @Path("task/{id}")
    public Map<String, String> task(@PathParam("id") String id) throws Exception {
        return executor.submit(() -> {
            Map<String, String> results = new TreeMap<>();
            // Without a request context a @RequestScoped RESTDataSource cannot be called; a Rest Client data source can.
            OutsideCalls.record(results, "withoutContext", () -> calls.movieTitle(id + "-no-context"));
            OutsideCalls.record(results, "clientWithoutContext", () -> calls.clientMovieTitle(id + "-no-context"));
            RequestContextController controller = controllers.get(); // @Dependent: one per task, used on this thread
            try {
                boolean activated = controller.activate();
                try {
                    results.put("activated", Boolean.toString(activated));
                    results.putAll(calls.run(id, "task"));
                } finally {
                    if (activated) {
                        controller.deactivate();
                    }
                }
            } finally {
                controllers.destroy(controller);
            }
            return results;
        }).get(60, TimeUnit.SECONDS);
    }
}
