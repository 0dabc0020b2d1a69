package dev.restdatasource.internal.config;

import dev.restdatasource.internal.http.RedactedUrls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one INFO line a deployment logs: the data sources found (both front ends), the cache store in use and the
 * effective settings, defaults included, so that a log shows what the application runs with. Nothing secret is
 * written: {@value DataSourceSettings#CREDENTIAL_HASH_SECRET} shows only whether it is set, a store setting whose key
 * names a password, secret, token or passphrase shows {@value RedactedUrls#MASK}, and every URL loses its user
 * information and query values ({@link RedactedUrls}). Stateless.
 */
public final class StartupSummary {
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token|passphrase).*");

    private StartupSummary() {
    }

    /**
     * Returns the line.
     *
     * @param settings      the validated settings
     * @param beans         the {@code RESTDataSource} beans
     * @param restClients   the {@code @DataSource} Rest Clients: data-source name to interface names
     * @param storeBean     the class of the application's {@code KeyValueCache} bean (its own, or a backend module's
     *                      producer), or null when the in-memory store is used
     * @param storeSettings the configured keys of the cache backend modules, with their values as written
     */
    public static String line(DataSourceSettings settings, Collection<BaseUrlCheck.Bean> beans,
            Map<String, String> restClients, String storeBean, Map<String, String> storeSettings) {
        List<String> sources = new ArrayList<>();
        beans.stream().sorted(Comparator.comparing((BaseUrlCheck.Bean b) -> b.name() == null ? b.className() : b.name()))
                .forEach(bean -> sources.add(describe(bean, settings)));
        restClients.forEach((name, interfaces) -> sources.add(name + " (@DataSource Rest Client " + interfaces
                + settings.url(name).map(url -> ", " + DataSourceSettings.urlKey(name) + "=" + redacted(url)).orElse("")
                + ownCredentialHeaders(name, settings) + ")"));

        StringBuilder line = new StringBuilder("restdatasource: ");
        line.append(sources.size()).append(sources.size() == 1 ? " data source" : " data sources")
                .append(sources.isEmpty() ? "" : ": " + String.join(", ", sources));
        if (storeBean == null) {
            line.append("; store: in-memory (").append(DataSourceSettings.CACHE_MAX_BYTES).append('=')
                    .append(settings.cacheMaxBytes()).append(')');
        } else {
            List<String> shown = new ArrayList<>();
            storeSettings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> shown.add(e.getKey() + "=" + redactedSetting(e.getKey(), e.getValue())));
            line.append("; store: the KeyValueCache bean of ").append(storeBean)
                    .append(shown.isEmpty() ? "" : " (" + String.join(", ", shown) + ")");
        }
        line.append("; settings: ")
                .append(DataSourceSettings.CACHE_TIMEOUT).append('=').append(duration(settings.cacheTimeout())).append(", ")
                .append(DataSourceSettings.REQUEST_TIMEOUT).append('=').append(duration(settings.requestTimeout())).append(", ")
                .append(DataSourceSettings.MAX_RESPONSE_BYTES).append('=').append(settings.maxResponseBytes()).append(", ")
                .append(DataSourceSettings.MAX_REDIRECTS).append('=').append(settings.maxRedirects()).append(", ")
                .append(DataSourceSettings.EXPOSE_UPSTREAM_DETAILS).append('=').append(settings.exposeUpstreamDetails()).append(", ")
                .append(DataSourceSettings.CREDENTIAL_HEADERS).append('=').append(names(settings.credentialHeaders(""))).append(", ")
                .append(DataSourceSettings.CREDENTIAL_HASH_SECRET).append('=')
                .append(settings.credentialHashSecret() == null ? "(random per application)" : "(set)");
        return line.toString();
    }

    /** Returns {@code value} as the line shows the store setting {@code key}: masked, or its URLs redacted. */
    static String redactedSetting(String key, String value) {
        return SECRET_KEY.matcher(key).matches() ? RedactedUrls.MASK : RedactedUrls.in(value);
    }

    private static String describe(BaseUrlCheck.Bean bean, DataSourceSettings settings) {
        if (bean.name() == null) {
            return bean.className() + " (RESTDataSource; name() computed at run time)";
        }
        String url = settings.url(bean.name())
                .map(u -> DataSourceSettings.urlKey(bean.name()) + "=" + redacted(u))
                .orElse(bean.setsBaseUrlInCode() ? "base URL in code" : "no base URL");
        return bean.name() + " (RESTDataSource " + bean.className() + ", " + url
                + ownCredentialHeaders(bean.name(), settings) + ")";
    }

    private static String ownCredentialHeaders(String name, DataSourceSettings settings) {
        return settings.hasOwnCredentialHeaders(name)
                ? ", credential headers " + names(settings.credentialHeaders(name)) : "";
    }

    private static String redacted(String url) {
        try {
            return RedactedUrls.of(URI.create(url));
        } catch (IllegalArgumentException notAUri) {
            return RedactedUrls.in(url);
        }
    }

    private static String names(List<String> headerNames) {
        return headerNames.isEmpty() ? "(none)" : String.join(",", headerNames);
    }

    /** {@code 50ms}, {@code 30s}, {@code 2m}: the shortest way the settings accept. */
    static String duration(Duration d) {
        if (d.toNanos() % 1_000_000 != 0) {
            return d.toString(); // ISO-8601, which the settings accept too
        }
        long ms = d.toMillis();
        if (ms % 1000 != 0 || ms == 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
