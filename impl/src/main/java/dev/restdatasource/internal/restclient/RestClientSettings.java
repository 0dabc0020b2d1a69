package dev.restdatasource.internal.restclient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The settings of one data-source Rest Client interface, read from MicroProfile Config with the Rest Client's own
 * keys: {@code <prefix>/mp-rest/uri} or {@code /url}, {@code /connectTimeout} and {@code /readTimeout} (ms),
 * {@code /followRedirects}, {@code /providers} (comma-separated classes, each with an optional
 * {@code /providers/<class>/priority}), {@code /trustStore}, {@code /keyStore} (with {@code Password} and
 * {@code Type}) and {@code /proxyAddress} (see {@link TlsAndProxySettings}), where the prefix is the interface's
 * fully qualified name first, then its configKey; plus {@code restdatasource.<name>.url}, which wins over both. The annotation's {@code baseUri} is the
 * last resort.
 *
 * @param type           the interface
 * @param name           the data source's name for request filters: the configKey, else the interface's name
 * @param baseUri        the base URI
 * @param connectTimeout the connect timeout (also the pipeline transport's), or null
 * @param readTimeout    the read timeout (also the pipeline's request timeout), or null
 * @param followRedirects whether redirects are followed (by the pipeline too), or null when not configured
 * @param providers      provider class names with their priority (null for the class's own)
 * @param connection     the TLS and proxy settings ({@code /trustStore}, {@code /keyStore} with their passwords and
 *                       types, {@code /proxyAddress}), or null when none is set; {@code /hostnameVerifier} is
 *                       refused, as the pipeline's JDK HttpClient cannot take one
 */
record RestClientSettings(Class<?> type, String name, URI baseUri, Duration connectTimeout, Duration readTimeout,
        Boolean followRedirects, Map<String, Integer> providers, TlsAndProxySettings connection) {

    /**
     * Reads the settings of {@code type}.
     *
     * @throws IllegalArgumentException naming the keys looked at when no URL is set or a value is invalid
     */
    static RestClientSettings read(Class<?> type, Config config) {
        RegisterRestClient annotation = type.getAnnotation(RegisterRestClient.class);
        String configKey = annotation == null ? "" : annotation.configKey();
        String name = configKey.isEmpty() ? type.getName() : configKey;
        List<String> prefixes = new ArrayList<>(List.of(type.getName()));
        if (!configKey.isEmpty()) {
            prefixes.add(configKey);
        }
        Keys keys = new Keys(config, prefixes);
        String urlKey = "restdatasource." + name + ".url";
        List<String> urlKeys = new ArrayList<>(List.of(urlKey));
        urlKeys.addAll(keys.names("uri", "url"));
        String url = config.getOptionalValue(urlKey, String.class)
                .or(() -> keys.value(String.class, "uri", "url"))
                .orElse(annotation == null || annotation.baseUri().isEmpty() ? null : annotation.baseUri());
        if (url == null) {
            throw new IllegalArgumentException("No URL for the @DataSource Rest Client " + type.getName()
                    + ": set one of " + String.join(", ", urlKeys) + " (or @RegisterRestClient(baseUri))");
        }
        return new RestClientSettings(type, name, absolute(url, urlKeys), keys.millis("connectTimeout"),
                keys.millis("readTimeout"), keys.value(Boolean.class, "followRedirects").orElse(null),
                keys.providers(), keys.connection(type));
    }

    private static URI absolute(String url, List<String> keys) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid URL '" + url + "' (from one of " + String.join(", ", keys)
                + "): expected an absolute http(s) URL");
    }

    /** Reads {@code <prefix>/mp-rest/<key>} for the prefixes in order. */
    private record Keys(Config config, List<String> prefixes) {
        List<String> names(String... keys) {
            List<String> names = new ArrayList<>();
            for (String prefix : prefixes) {
                for (String key : keys) {
                    names.add(prefix + "/mp-rest/" + key);
                }
            }
            return names;
        }

        <T> Optional<T> value(Class<T> type, String... keys) {
            for (String name : names(keys)) {
                Optional<T> value;
                try {
                    value = config.getOptionalValue(name, type);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid value of " + name + ": " + e.getMessage(), e);
                }
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        }

        Optional<TlsAndProxySettings.Setting> setting(String key) {
            for (String name : names(key)) {
                Optional<String> value = config.getOptionalValue(name, String.class);
                if (value.isPresent()) {
                    return Optional.of(new TlsAndProxySettings.Setting(name, value.get()));
                }
            }
            return Optional.empty();
        }

        TlsAndProxySettings connection(Class<?> type) {
            setting("hostnameVerifier").ifPresent(verifier -> {
                throw new IllegalArgumentException(verifier.key() + " (" + verifier.value() + ") is not supported"
                        + " for the @DataSource Rest Client " + type.getName() + ": its calls are made by the"
                        + " pipeline's JDK HttpClient, which always verifies the host name against the certificate."
                        + " Remove the key, or use a certificate whose subject alternative names match the host");
            });
            TlsAndProxySettings.Setting trustStore = setting("trustStore").orElse(null);
            TlsAndProxySettings.Setting keyStore = setting("keyStore").orElse(null);
            TlsAndProxySettings.Setting proxyAddress = setting("proxyAddress").orElse(null);
            if (trustStore == null && keyStore == null && proxyAddress == null) {
                return null;
            }
            return new TlsAndProxySettings(trustStore, value(String.class, "trustStorePassword").orElse(null),
                    value(String.class, "trustStoreType").orElse(null), keyStore,
                    value(String.class, "keyStorePassword").orElse(null),
                    value(String.class, "keyStoreType").orElse(null), proxyAddress);
        }

        Duration millis(String key) {
            Optional<Long> ms = value(Long.class, key);
            if (ms.isPresent() && ms.get() < 0) {
                throw new IllegalArgumentException("Invalid value of " + names(key) + ": " + ms.get() + " is negative");
            }
            return ms.filter(v -> v > 0).map(Duration::ofMillis).orElse(null);
        }

        Map<String, Integer> providers() {
            Map<String, Integer> providers = new LinkedHashMap<>();
            value(String.class, "providers").ifPresent(list -> {
                for (String className : list.split(",")) {
                    String trimmed = className.trim();
                    if (!trimmed.isEmpty()) {
                        providers.put(trimmed, value(Integer.class, "providers/" + trimmed + "/priority").orElse(null));
                    }
                }
            });
            return providers;
        }
    }
}
