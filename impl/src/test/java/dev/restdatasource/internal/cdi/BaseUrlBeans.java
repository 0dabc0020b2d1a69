package dev.restdatasource.internal.cdi;

import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.RESTDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import java.net.URI;
import java.util.Locale;

/** Data source beans that do or do not give themselves a base URL in code, for the deployment checks. */
final class BaseUrlBeans {
    private BaseUrlBeans() {
    }

    /** No base URL in code, the default name: needs {@code restdatasource.NoUrlAPI.url}. */
    @RequestScoped
    public static class NoUrlAPI extends RESTDataSource {
        public String movie(String id) {
            return get("movies/{id}", id).as(String.class);
        }
    }

    /** Sets its base URL in the constructor. */
    @RequestScoped
    public static class ConstructorUrlAPI extends RESTDataSource {
        public ConstructorUrlAPI() {
            setBaseURL("http://127.0.0.1:1/");
        }
    }

    /** Sets its base URL in {@code @PostConstruct}. */
    @RequestScoped
    public static class PostConstructUrlAPI extends RESTDataSource {
        @PostConstruct
        void init() {
            setBaseURL("http://127.0.0.1:1/");
        }
    }

    /** Resolves every path itself. */
    @RequestScoped
    public static class OwnResolutionAPI extends RESTDataSource {
        @Override
        protected URI resolveURL(String path, DataSourceRequest request) {
            return URI.create("http://127.0.0.1:1/" + path);
        }
    }

    /** An application's base class that sets the base URL for its subclasses. */
    public abstract static class BaseWithUrl extends RESTDataSource {
        protected BaseWithUrl() {
            setBaseURL("http://127.0.0.1:1/");
        }
    }

    /** Inherits its base URL. */
    @RequestScoped
    public static class InheritedUrlAPI extends BaseWithUrl {
    }

    /** A literal name and no base URL in code. */
    @RequestScoped
    public static class LiteralNameAPI extends RESTDataSource {
        @Override
        public String name() {
            return "movies";
        }
    }

    /** A constant name. */
    @RequestScoped
    public static class ConstantNameAPI extends RESTDataSource {
        static final String NAME = "constant-movies";

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A name computed at run time: unknown at deployment. */
    @RequestScoped
    public static class ComputedNameAPI extends RESTDataSource {
        @Override
        public String name() {
            return getClass().getSimpleName().toLowerCase(Locale.ROOT);
        }
    }
}
