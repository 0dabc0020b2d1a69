package dev.restdatasource.internal.restclient;

import dev.restdatasource.backend.SettingsReader;
import dev.restdatasource.backend.SettingsReader.Found;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS and proxy settings of one data-source Rest Client, from its {@code mp-rest} keys: {@code trustStore},
 * {@code keyStore} (each with {@code ...Password} and {@code ...Type}, JKS by default; a location is
 * {@code classpath:<resource>}, {@code file:<path>} or a plain path) and {@code proxyAddress} ({@code host:port}).
 * Each location and the proxy address are kept with the name of the key they came from, for error messages.
 */
record TlsAndProxySettings(Found<String> trustStore, String trustStorePassword, String trustStoreType,
        Found<String> keyStore, String keyStorePassword, String keyStoreType, Found<String> proxyAddress) {

    /**
     * Reads the settings through {@code reader}, recording every problem there: a {@code hostnameVerifier} (refused,
     * as the pipeline's JDK HttpClient cannot take one) and a proxy address that is not {@code host:port} (then left
     * out). The stores are loaded later, by {@link #sslContext}.
     *
     * @param type       the client interface, for messages
     * @param candidates the full keys to look at, in order, for a key such as {@code trustStore}
     * @return the settings, or null when no store and no proxy is set
     */
    static TlsAndProxySettings read(Class<?> type, Function<String, List<String>> candidates, SettingsReader reader) {
        Function<String, Found<String>> setting = key -> reader.first(candidates.apply(key), String.class)
                .orElse(null);
        Function<String, String> text = key -> {
            Found<String> found = setting.apply(key);
            return found == null ? null : found.value();
        };
        Found<String> verifier = setting.apply("hostnameVerifier");
        if (verifier != null) {
            reader.problem(verifier.key() + " (" + verifier.value() + ") is not supported for the @DataSource Rest"
                    + " Client " + type.getName() + ": its calls are made by the pipeline's JDK HttpClient, which"
                    + " always verifies the host name against the certificate. Remove the key, or use a certificate"
                    + " whose subject alternative names match the host");
        }
        Found<String> trustStore = setting.apply("trustStore");
        Found<String> keyStore = setting.apply("keyStore");
        Found<String> proxyAddress = setting.apply("proxyAddress");
        if (proxyAddress != null && address(proxyAddress.value()) == null) {
            reader.problem(proxyAddress.key() + ": '" + proxyAddress.value().trim() + "' is not host:port");
            proxyAddress = null;
        }
        if (trustStore == null && keyStore == null && proxyAddress == null) {
            return null;
        }
        return new TlsAndProxySettings(trustStore, text.apply("trustStorePassword"), text.apply("trustStoreType"),
                keyStore, text.apply("keyStorePassword"), text.apply("keyStoreType"), proxyAddress);
    }

    /**
     * Returns the SSL context for the stores, or null when neither is set (the JDK's default then applies).
     *
     * @throws IllegalArgumentException naming the key when a store cannot be loaded
     */
    SSLContext sslContext(ClassLoader loader) {
        if (trustStore == null && keyStore == null) {
            return null;
        }
        try {
            TrustManagerFactory trust = null;
            if (trustStore != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustStore, trustStorePassword, trustStoreType, loader));
            }
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore, keyStorePassword, keyStoreType, loader), chars(keyStorePassword));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            Found<String> store = keyStore != null ? keyStore : trustStore;
            throw new IllegalArgumentException(store.key() + ": cannot use the store '" + store.value() + "': " + e,
                    e);
        }
    }

    /**
     * Returns the proxy selector for {@code proxyAddress}, or null when it is not set.
     *
     * @throws IllegalArgumentException naming the key when the value is not {@code host:port}
     */
    ProxySelector proxySelector() {
        if (proxyAddress == null) {
            return null;
        }
        InetSocketAddress address = address(proxyAddress.value());
        if (address == null) {
            throw new IllegalArgumentException(proxyAddress.key() + ": '" + proxyAddress.value().trim()
                    + "' is not host:port");
        }
        // the host name is resolved here, once, when the client is set up
        return ProxySelector.of(new InetSocketAddress(address.getHostString(), address.getPort()));
    }

    /** Parses {@code host:port} or {@code [ipv6]:port}, the host not yet resolved; null when it is neither. */
    private static InetSocketAddress address(String hostPort) {
        String value = hostPort.trim();
        int colon = value.lastIndexOf(':');
        try {
            if (colon > 0) {
                String host = value.substring(0, colon);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                return InetSocketAddress.createUnresolved(host, Integer.parseInt(value.substring(colon + 1)));
            }
        } catch (IllegalArgumentException e) {
            // not host:port (NumberFormatException included)
        }
        return null;
    }

    private static KeyStore load(Found<String> location, String password, String type, ClassLoader loader) {
        String value = location.value().trim();
        try (InputStream in = open(value, loader)) {
            if (in == null) {
                throw new IOException("no such classpath resource");
            }
            KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? "JKS" : type.trim());
            store.load(in, chars(password));
            return store;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(location.key() + ": cannot load the store '" + value + "': " + e, e);
        }
    }

    private static InputStream open(String location, ClassLoader loader) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            return loader.getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource);
        }
        String path = location;
        if (location.startsWith("file:")) {
            path = location.substring("file:".length());
            if (path.startsWith("//")) { // file:///dir/store.p12
                path = URI.create(location).getPath();
            }
        }
        return Files.newInputStream(Path.of(path));
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }
}
