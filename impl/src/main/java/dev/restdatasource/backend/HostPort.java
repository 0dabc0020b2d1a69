package dev.restdatasource.backend;

import java.util.Arrays;
import java.util.List;

/**
 * One server address of a cache backend's settings, {@code host}, {@code host:port}, {@code [ipv6]:port} or a bare
 * IPv6 address (several colons, no port), checked without resolving anything: a host that is not blank and has no
 * white space, a port within 1..65535. Used by the backend modules so that every server list is read the same way and
 * a wrong entry names its key. Immutable.
 *
 * @param host the host as written, without brackets
 * @param port the port, or {@link #NO_PORT} when the entry has none (allowed only where the backend has a default)
 */
public record HostPort(String host, int port) {
    /** The port of an entry written without one. */
    public static final int NO_PORT = -1;

    /**
     * Reads one entry.
     *
     * @param key          the full configuration key, for the message
     * @param entry        the entry
     * @param portRequired whether an entry without a port is wrong
     * @throws IllegalArgumentException naming {@code key} and the entry
     */
    public static HostPort parse(String key, String entry, boolean portRequired) {
        String s = entry.strip();
        String host = s;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            host = close < 0 ? "" : s.substring(1, close);
            String rest = close < 0 ? "" : s.substring(close + 1);
            if (!rest.isEmpty()) {
                port = rest.startsWith(":") ? rest.substring(1) : "";
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        }
        int number = port == null ? NO_PORT : number(port);
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace) || port != null && number == NO_PORT
                || port == null && portRequired) {
            throw new IllegalArgumentException(key + ": '" + s + "' must be " + (portRequired ? "host:port" : "host or"
                    + " host:port") + " with a port within 1..65535");
        }
        return new HostPort(host, number);
    }

    /**
     * Reads a list of entries separated by {@code ,} or {@code ;} (blank entries skipped); at least one.
     *
     * @throws IllegalArgumentException naming {@code key}
     */
    public static List<HostPort> parseList(String key, String entries, boolean portRequired) {
        List<HostPort> list = Arrays.stream(entries.split("[;,]")).filter(e -> !e.isBlank())
                .map(e -> parse(key, e, portRequired)).toList();
        if (list.isEmpty()) {
            throw new IllegalArgumentException(key + " must list at least one host:port: '" + entries + "'");
        }
        return list;
    }

    /** {@code host:port} ({@code [host]:port} for IPv6), or the host alone when there is no port. */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == NO_PORT ? host : h + ":" + port;
    }

    private static int number(String port) {
        try {
            int p = Integer.parseInt(port.strip());
            return p >= 1 && p <= 65_535 ? p : NO_PORT;
        } catch (NumberFormatException e) {
            return NO_PORT;
        }
    }
}
