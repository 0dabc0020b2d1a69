package dev.restdatasource.internal.restclient;

import dev.restdatasource.backend.SettingsReader;
import dev.restdatasource.backend.SettingsReader.Found;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The settings of one data-source Rest Client interface, read from MicroProfile Config with the Rest Client's own
 * keys: {@code <prefix>/mp-rest/uri} or {@code /url}, {@code /connectTimeout} and {@code /readTimeout} (ms),
 * {@code /followRedirects}, {@code /providers} (comma-separated classes, each with an optional
 * {@code /providers/<class>/priority}), {@code /trustStore}, {@code /keyStore} (with {@code Password} and
 * {@code Type}) and {@code /proxyAddress} (see {@link TlsAndProxySettings}), where the prefix is the interface's
 * fully qualified name first, then its configKey; plus {@code restdatasource.<name>.url}, which wins over both. The
 * annotation's {@code baseUri} is the last resort. Values are converted as MicroProfile Config converts them, as the
 * Rest Client implementation reads the same keys.
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
     * Reads the settings of {@code type} through {@code reader}, recording there every problem found, each naming its
     * full key: no URL (naming every key that could set it), a URL that is not absolute http(s), a value MicroProfile
     * Config cannot convert, a negative timeout, and the TLS and proxy problems {@link TlsAndProxySettings#read}
     * finds. Reading goes on past a problem; the settings returned then hold a null in place of each wrong value and
     * must not be used.
     */
    static RestClientSettings read(Class<?> type, SettingsReader reader) {
        RegisterRestClient annotation = type.getAnnotation(RegisterRestClient.class);
        String configKey = annotation == null ? "" : annotation.configKey();
        String name = configKey.isEmpty() ? type.getName() : configKey;
        List<String> prefixes = new ArrayList<>(List.of(type.getName()));
        if (!configKey.isEmpty()) {
            prefixes.add(configKey);
        }
        Keys keys = new Keys(reader, prefixes);
        List<String> urlKeys = new ArrayList<>(List.of("restdatasource." + name + ".url"));
        urlKeys.addAll(keys.names("uri", "url"));
        Optional<Found<String>> url = reader.first(urlKeys, String.class);
        URI baseUri = null;
        if (url.isPresent()) {
            baseUri = absolute(url.get().value(), url.get().key(), reader);
        } else if (annotation != null && !annotation.baseUri().isEmpty()) {
            baseUri = absolute(annotation.baseUri(), "@RegisterRestClient(baseUri) of " + type.getName(), reader);
        } else {
            reader.problem("No URL for the @DataSource Rest Client " + type.getName() + ": set one of "
                    + String.join(", ", urlKeys) + " (or @RegisterRestClient(baseUri))");
        }
        return new RestClientSettings(type, name, baseUri, keys.millis("connectTimeout"), keys.millis("readTimeout"),
                keys.value(Boolean.class, "followRedirects").orElse(null), keys.providers(),
                TlsAndProxySettings.read(type, keys::names, reader));
    }

    /** Returns {@code url} when it is an absolute http(s) URL; otherwise records a problem naming {@code source}. */
    private static URI absolute(String url, String source, SettingsReader reader) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        reader.problem(source + ": invalid URL '" + url + "', expected an absolute http(s) URL");
        return null;
    }

    /**
     * Reads {@code <prefix>/mp-rest/<key>} for the prefixes in order, the first set winning, with MicroProfile
     * Config's converters (as the Rest Client implementation reads the same keys).
     */
    private record Keys(SettingsReader reader, List<String> prefixes) {
        List<String> names(String... keys) {
            List<String> names = new ArrayList<>();
            for (String prefix : prefixes) {
                for (String key : keys) {
                    names.add(prefix + "/mp-rest/" + key);
                }
            }
            return names;
        }

        <T> Optional<T> value(Class<T> type, String key) {
            return reader.first(names(key), type).map(Found::value);
        }

        /** A timeout in milliseconds; null when unset or 0, a negative value is a problem. */
        Duration millis(String key) {
            Optional<Found<Long>> ms = reader.first(names(key), Long.class);
            if (ms.isPresent() && ms.get().value() < 0) {
                reader.problem(ms.get().key() + ": " + ms.get().value() + " is negative, expected milliseconds >= 0");
                return null;
            }
            return ms.map(Found::value).filter(v -> v > 0).map(Duration::ofMillis).orElse(null);
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
