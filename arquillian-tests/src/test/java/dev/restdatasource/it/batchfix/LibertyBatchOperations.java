package dev.restdatasource.it.batchfix;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evidence, not a pattern to copy: supplies, by reflection, the one argument Open Liberty 26.0.0.3 leaves out.
 * Liberty's {@code GraphQLServletContainerInitializer} builds SmallRye's {@code ExecutionService} with {@code null}
 * batch operations (SmallRye's own {@code GraphQLProducer} passes {@code Schema.getBatchOperations()}), so no
 * DataLoader exists and every {@code @Source List} field fails with a NullPointerException. This listener finds the
 * servlet Liberty registered as {@code ExecutionServlet}, collects the operation of every {@code BatchDataFetcher} of
 * its schema (exactly the batch operations) and sets them on the service. It reads private fields of Liberty,
 * SmallRye and graphql-java classes, so it holds for Liberty 26.0.0.3 only; anywhere else (no such servlet, other
 * fields, batch operations already set, e.g. on WildFly) it changes nothing.
 */
@WebListener
public class LibertyBatchOperations implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(LibertyBatchOperations.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object registration = event.getServletContext().getServletRegistration("ExecutionServlet");
        if (registration == null) {
            LOG.info("no servlet named ExecutionServlet: batch operations left as they are");
            return;
        }
        try {
            Object service = read(read(registration, "servlet"), "executionService");
            Field batchOperations = field(service.getClass(), "batchOperations");
            if (batchOperations.get(service) != null) {
                LOG.info("the ExecutionService already has its batch operations");
                return;
            }
            List<Object> operations = batchOperationsOf(read(service, "graphQLSchema"));
            batchOperations.set(service, operations);
            LOG.info("gave Liberty's ExecutionService its " + operations.size() + " batch operations");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not give Liberty's ExecutionService its batch operations", e);
        }
    }

    /** The {@code Operation} of each {@code BatchDataFetcher} of the graphql-java schema's object types. */
    private static List<Object> batchOperationsOf(Object schema) throws ReflectiveOperationException {
        Object registry = schema.getClass().getMethod("getCodeRegistry").invoke(schema);
        List<Object> operations = new ArrayList<>();
        for (Object type : (List<?>) schema.getClass().getMethod("getAllTypesAsList").invoke(schema)) {
            if (!type.getClass().getSimpleName().equals("GraphQLObjectType")) {
                continue;
            }
            for (Object field : (List<?>) type.getClass().getMethod("getFieldDefinitions").invoke(type)) {
                Object fetcher = dataFetcher(registry, type, field);
                if (fetcher != null && fetcher.getClass().getSimpleName().equals("BatchDataFetcher")) {
                    operations.add(read(fetcher, "operation"));
                }
            }
        }
        return operations;
    }

    /** {@code GraphQLCodeRegistry.getDataFetcher(parent, field)}, whichever parameter types this version declares. */
    private static Object dataFetcher(Object registry, Object type, Object field) throws ReflectiveOperationException {
        for (Method method : registry.getClass().getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (method.getName().equals("getDataFetcher") && parameters.length == 2
                    && parameters[0].isInstance(type) && parameters[1].isInstance(field)) {
                return method.invoke(registry, type, field);
            }
        }
        throw new NoSuchMethodException("getDataFetcher(" + type.getClass() + ", " + field.getClass() + ")");
    }

    private static Object read(Object target, String name) throws ReflectiveOperationException {
        return field(target.getClass(), name).get(target);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field candidate : c.getDeclaredFields()) {
                if (candidate.getName().equals(name)) {
                    candidate.setAccessible(true);
                    return candidate;
                }
            }
        }
        throw new NoSuchFieldException(name + " in " + type.getName() + " or its superclasses");
    }
}
