package org.marsai.schema.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.marsai.schema.Defaults;
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

    /** The value of a password option given without one: ask for it (on the terminal, else on standard error). */
    static final String ASK = "\u0000ask";

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", fallbackValue = ASK,
            description = "Database password; give the option without a value to be prompted."
                    + " Default: DB_PASSWORD.")
    String password;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "" + Defaults.CONNECT_TIMEOUT_SECONDS,
            description = "How long connecting may take. Default: ${DEFAULT-VALUE} s.")
    long connectTimeoutSeconds;

    /** The longest connect timeout: a day (Connector/J counts it in milliseconds, as an int). */
    static final long MAX_CONNECT_TIMEOUT_SECONDS = Defaults.MAX_CONNECT_TIMEOUT_SECONDS;

    /** Checks the numeric option before anything connects. */
    void validate() {
        if (connectTimeoutSeconds < 1 || connectTimeoutSeconds > MAX_CONNECT_TIMEOUT_SECONDS) {
            throw Usage.error("--connect-timeout must be from 1 to " + MAX_CONNECT_TIMEOUT_SECONDS + " seconds, got "
                    + connectTimeoutSeconds + ": fix it (the default is " + Defaults.CONNECT_TIMEOUT_SECONDS + ").");
        }
    }

    boolean passwordToBeAsked() {
        return ASK.equals(password);
    }

    /** The facade's configuration for the configured database, or an offline one when {@code offlineAllowed} and none is set. */
    MarsSchema.Builder configure(Map<String, String> env, boolean offlineAllowed) {
        MarsSchema.Builder builder = MarsSchema.configure()
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds));
        Optional<String> jdbcUrl = Optional.ofNullable(url).or(() -> urlFrom(env));
        if (jdbcUrl.isEmpty()) {
            if (offlineAllowed) {
                return builder;
            }
            throw new MarsSchemaException(ErrorCode.NO_DATABASE, "No database configured: pass --url (with"
                    + " --username/--password), or set DB_HOST and DB_NAME (and DB_USER, DB_PASSWORD) in the"
                    + " environment or in a .env file in this directory.");
        }
        return builder.url(jdbcUrl.get())
                .username(Optional.ofNullable(username).orElse(env.get("DB_USER")))
                .password(Optional.ofNullable(password).orElse(env.get("DB_PASSWORD")));
    }

    /** The password in use, so that output can be scrubbed of it. */
    Optional<String> password(Map<String, String> env) {
        return Optional.ofNullable(password).or(() -> Optional.ofNullable(env.get("DB_PASSWORD")))
                .filter(p -> !p.isEmpty());
    }

    /**
     * {@code jdbc:mysql://HOST:PORT/NAME} from the original project's variables, each checked, the name
     * percent-encoded as Connector/J decodes it (it decodes {@code %XX} and turns {@code +} into a space, and
     * a {@code ?} or {@code #} would end the name), so that any name MySQL allows reaches exactly that database.
     */
    private static Optional<String> urlFrom(Map<String, String> env) {
        String host = blankToNull(env.get("DB_HOST"));
        String name = env.get("DB_NAME") == null || env.get("DB_NAME").isEmpty() ? null : env.get("DB_NAME");
        if (host == null && name == null) {
            return Optional.empty();
        }
        if (host == null || name == null) {
            throw Usage.error((host == null ? "DB_NAME" : "DB_HOST") + " is set but " + (host == null ? "DB_HOST" : "DB_NAME")
                    + " is not: set both (or pass --url).");
        }
        String port = Optional.ofNullable(blankToNull(env.get("DB_PORT"))).orElse("3306");
        return Optional.of("jdbc:mysql://" + JdbcUrls.host(host) + ":" + JdbcUrls.port(port) + "/" + JdbcUrls.database(name));
    }

    /** The database the options point at, for messages: the URL without its properties and credentials. */
    Optional<String> where(Map<String, String> env) {
        return Optional.ofNullable(url).or(() -> urlFrom(env)).map(JdbcUrls::withoutProperties);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
