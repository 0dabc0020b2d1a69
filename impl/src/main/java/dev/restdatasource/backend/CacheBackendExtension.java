package dev.restdatasource.backend;

import dev.restdatasource.cache.KeyValueCache;
import dev.restdatasource.internal.store.ErrorsAreMissesKeyValueCache;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI side every cache backend module shares: adds the backend's producer of the application's
 * {@code KeyValueCache} when MicroProfile Config has the backend's switch key (e.g.
 * {@code restdatasource.redis.uri}), so that adding the jar and the config lines is all a WAR needs. Without that key
 * (or without MicroProfile Config) it adds nothing and the application keeps its own {@code KeyValueCache} bean, or
 * the in-memory default. When it is on, the store (node, member or client) is created when the application starts, not
 * by the first data-source call: joining a cluster takes seconds that no GraphQL request should wait for, and a
 * store that cannot be built (a port in use) fails the deployment instead of the first query. Its first read (the
 * warm-up, see {@code ErrorsAreMissesKeyValueCache#warmingUp}) starts then too, in the background.
 *
 * <p>At deployment validation it checks every value under the backend's prefix through {@link #check(Config)}, so
 * wrong ones fail the deployment, all of them reported together, each naming its full key (nothing is started then),
 * and it fails deployment on an unknown key under the prefix (a typo would otherwise silently leave a default in place). A subclass registers itself
 * through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}; its jar need not be a bean archive.
 * Stateless.
 */
public abstract class CacheBackendExtension implements Extension {
    private final String prefix;
    private final String switchKey;
    private final List<String> keys;
    private final Class<?> producer;

    /**
     * @param prefix    the prefix of every key of the backend, ending with a dot, e.g. {@code restdatasource.redis.}
     * @param switchKey the key under {@code prefix} whose presence turns the backend on, e.g. {@code uri}
     * @param keys      every key under {@code prefix} the backend reads
     * @param producer  the bean class producing the {@code KeyValueCache}, added when the switch key is set
     */
    protected CacheBackendExtension(String prefix, String switchKey, List<String> keys, Class<?> producer) {
        this.prefix = prefix;
        this.switchKey = prefix + switchKey;
        this.keys = List.copyOf(keys);
        this.producer = producer;
    }

    /**
     * Reads and checks every setting of the backend from {@code config}, starting nothing; read through a
     * {@link SettingsReader} so that every wrong value is found.
     *
     * @throws InvalidSettingsException listing every wrong value, each message naming its full key
     */
    protected abstract void check(Config config);

    void addProducerWhenConfigured(@Observes BeforeBeanDiscovery discovery) {
        if (switchedOn()) {
            discovery.addAnnotatedType(producer, producer.getName());
        }
    }

    void startWithTheApplication(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        if (switchedOn()) {
            event.addObserverMethod()
                    .beanClass(producer)
                    .observedType(Object.class)
                    .qualifiers(Initialized.Literal.APPLICATION)
                    .notifyWith(started -> {
                        KeyValueCache store = beanManager.createInstance().select(KeyValueCache.class).get();
                        store.toString(); // the client proxy creates the store on its first call
                        ErrorsAreMissesKeyValueCache.warmUp(store); // and its first read starts now, not with a request
                    });
        }
    }

    void checkSettings(@Observes AfterDeploymentValidation validation) {
        config().ifPresent(config -> {
            List<String> problems = new ArrayList<>(unknownKeys(config.getPropertyNames()));
            if (config.getOptionalValue(switchKey, String.class).isPresent()) {
                try {
                    check(config);
                } catch (InvalidSettingsException wrong) {
                    problems.addAll(wrong.problems());
                } catch (RuntimeException wrong) {
                    validation.addDeploymentProblem(wrong);
                }
            }
            problems.forEach(problem -> validation.addDeploymentProblem(new IllegalArgumentException(problem)));
        });
    }

    /** One message per name under the prefix that is not one of the backend's keys, sorted. */
    public List<String> unknownKeys(Iterable<String> names) {
        List<String> known = keys.stream().map(key -> prefix + key).toList();
        TreeSet<String> problems = new TreeSet<>();
        for (String name : names) {
            if (name.startsWith(prefix) && !known.contains(name)) {
                problems.add(SettingsReader.unknownKeyMessage(name, known));
            }
        }
        return List.copyOf(problems);
    }

    private boolean switchedOn() {
        return config().filter(c -> c.getOptionalValue(switchKey, String.class).isPresent()).isPresent();
    }

    private static Optional<Config> config() {
        try {
            return Optional.of(ConfigProvider.getConfig());
        } catch (RuntimeException | LinkageError noConfig) {
            return Optional.empty();
        }
    }
}
