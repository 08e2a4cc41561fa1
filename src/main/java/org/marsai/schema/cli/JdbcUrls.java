package org.marsai.schema.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The parts of a JDBC URL built from {@code DB_HOST}, {@code DB_PORT} and {@code DB_NAME}, each checked: a
 * value that could reach another server or database than the one named is refused (exit 2), never passed on.
 */
final class JdbcUrls {

    /** RFC 1123 host names: letters, digits and hyphens, in dot-separated labels of at most 63 characters. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}]");

    /** MySQL's and MariaDB's limit on a database name, in characters. */
    static final int MAX_DATABASE_NAME = 64;

    private JdbcUrls() {
    }

    static String host(String host) {
        if (IPV4.matcher(host).matches() || BRACKETED_IPV6.matcher(host).matches()
                || (HOST_NAME.matcher(host).matches() && !host.matches("[0-9.]+"))) {
            return host;
        }
        throw Usage.error("DB_HOST must be a host name, an IPv4 address or an IPv6 address in brackets"
                + " (e.g. db.example.org, 127.0.0.1, [::1]), got '" + host + "': fix it, or pass --url.");
    }

    static String port(String port) {
        int value = port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1;
        if (value < 1 || value > 65535) {
            throw Usage.error("DB_PORT must be a port number from 1 to 65535, got '" + port
                    + "': fix it (the default is 3306).");
        }
        return Integer.toString(value);
    }

    /** The name, percent-encoded for the URL's path, so that Connector/J decodes exactly it. */
    static String database(String name) {
        String problem = name.codePointCount(0, name.length()) > MAX_DATABASE_NAME
                ? "is longer than " + MAX_DATABASE_NAME + " characters"
                : name.endsWith(" ") ? "ends with a space"
                : name.chars().anyMatch(c -> c == 0) ? "contains a NUL character"
                : null;
        if (problem != null) {
            throw Usage.error("DB_NAME " + problem + ", which MySQL does not allow in a database name:"
                    + " give the name of an existing database.");
        }
        if (name.indexOf('`') >= 0) {
            // MySQL allows it, but Liquibase 4.33 quotes such a name wrongly when it creates its history table.
            throw Usage.error("DB_NAME contains a backtick (`), which this version cannot migrate safely:"
                    + " use a database whose name has none.");
        }
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code jdbc:mysql://host:port/database}: no properties (they may hold a password), no user information. */
    static String withoutProperties(String url) {
        String bare = url.replaceFirst("[?#].*$", "");
        return bare.replaceFirst("^(jdbc:[a-z]+://)[^/@]*@", "$1");
    }
}
