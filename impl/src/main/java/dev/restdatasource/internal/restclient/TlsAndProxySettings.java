package dev.restdatasource.internal.restclient;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS and proxy settings of one data-source Rest Client, from its {@code mp-rest} keys: {@code trustStore},
 * {@code keyStore} (each with {@code ...Password} and {@code ...Type}, JKS by default; a location is
 * {@code classpath:<resource>}, {@code file:<path>} or a plain path) and {@code proxyAddress} ({@code host:port}).
 * Each value is kept with the name of the key it came from, for error messages.
 */
record TlsAndProxySettings(Setting trustStore, String trustStorePassword, String trustStoreType,
        Setting keyStore, String keyStorePassword, String keyStoreType, Setting proxyAddress) {

    /** A configured value and the key it was read from. */
    record Setting(String key, String value) {
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
            Setting store = keyStore != null ? keyStore : trustStore;
            throw new IllegalArgumentException("Cannot use the store of " + store.key() + " ('" + store.value()
                    + "'): " + e, e);
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
        String value = proxyAddress.value().trim();
        int colon = value.lastIndexOf(':');
        try {
            if (colon > 0) {
                String host = value.substring(0, colon);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                return ProxySelector.of(new InetSocketAddress(host, Integer.parseInt(value.substring(colon + 1))));
            }
        } catch (IllegalArgumentException e) {
            // reported below (NumberFormatException included)
        }
        throw new IllegalArgumentException("Invalid value of " + proxyAddress.key() + ": '" + value
                + "' is not host:port");
    }

    private static KeyStore load(Setting location, String password, String type, ClassLoader loader) {
        String value = location.value().trim();
        try (InputStream in = open(value, loader)) {
            if (in == null) {
                throw new IOException("no such classpath resource");
            }
            KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? "JKS" : type.trim());
            store.load(in, chars(password));
            return store;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot load the store '" + value + "' of " + location.key() + ": "
                    + e, e);
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
