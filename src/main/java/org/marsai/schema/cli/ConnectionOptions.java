package org.marsai.schema.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.MarsSchemaException;
import picocli.CommandLine.Option;

/**
 * Where the database is: {@code --url/--username/--password}, else the original project's variables
 * {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD} from the
 * environment or a {@code .env} file in the working directory (the environment wins).
 */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "JDBC URL of the database, e.g. jdbc:mysql://127.0.0.1:3306/marsai."
                    + " Default: built from DB_HOST, DB_PORT (3306) and DB_NAME.")
    String url;

    @Option(names = {"--username", "--user"}, paramLabel = "USER", description = "Database user. Default: DB_USER.")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Database password; give the option without a value to be prompted."
                    + " Default: DB_PASSWORD.")
    String password;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long connecting may take. Default: ${DEFAULT-VALUE} s.")
    long connectTimeoutSeconds;

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for another process's migration to finish. Default: ${DEFAULT-VALUE} s.")
    long lockWaitSeconds;

    /** The facade for the configured database, or an offline one when {@code offlineAllowed} and none is set. */
    MarsSchema schema(Map<String, String> env, boolean offlineAllowed) {
        MarsSchema.Builder builder = MarsSchema.configure()
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .lockWaitTimeout(Duration.ofSeconds(lockWaitSeconds));
        Optional<String> jdbcUrl = Optional.ofNullable(url).or(() -> urlFrom(env));
        if (jdbcUrl.isEmpty()) {
            if (offlineAllowed) {
                return builder.load();
            }
            throw new MarsSchemaException(ErrorCode.NO_DATABASE, "No database configured: pass --url (with"
                    + " --username/--password), or set DB_HOST and DB_NAME (and DB_USER, DB_PASSWORD) in the"
                    + " environment or in a .env file in this directory.");
        }
        return builder.url(jdbcUrl.get())
                .user(Optional.ofNullable(username).orElse(env.get("DB_USER")))
                .password(Optional.ofNullable(password).orElse(env.get("DB_PASSWORD")))
                .load();
    }

    /** Whether a database is configured, by these options or the environment. */
    boolean configured(Map<String, String> env) {
        return url != null || urlFrom(env).isPresent();
    }

    /** The password in use, so that output can be scrubbed of it. */
    Optional<String> password(Map<String, String> env) {
        return Optional.ofNullable(password).or(() -> Optional.ofNullable(env.get("DB_PASSWORD")))
                .filter(p -> !p.isEmpty());
    }

    private static Optional<String> urlFrom(Map<String, String> env) {
        String host = blankToNull(env.get("DB_HOST"));
        String name = blankToNull(env.get("DB_NAME"));
        if (host == null && name == null) {
            return Optional.empty();
        }
        if (host == null || name == null) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, (host == null ? "DB_NAME" : "DB_HOST")
                    + " is set but " + (host == null ? "DB_HOST" : "DB_NAME") + " is not: set both (or pass --url).");
        }
        String port = Optional.ofNullable(blankToNull(env.get("DB_PORT"))).orElse("3306");
        if (!port.matches("\\d{1,5}")) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION,
                    "DB_PORT must be a port number, got '" + port + "': fix it (the default is 3306).");
        }
        return Optional.of("jdbc:mysql://" + host + ":" + port + "/" + name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
