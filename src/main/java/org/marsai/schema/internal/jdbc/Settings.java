package org.marsai.schema.internal.jdbc;

import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.marsai.schema.Defaults;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * The facade's configuration, checked once. Either a {@link DataSource}, or a JDBC URL with user and
 * password, or neither (then only the offline operations work). Made by name with {@link #builder()}.
 */
public record Settings(DataSource dataSource, String url, String user, String password,
                Duration connectTimeout, Duration lockWait, boolean allowDataLoss,
                boolean refuseNewerChangesets, boolean consolidatedInstall) {

    /** The longest wait for another run's lock: a year (the server's own bounds are not much wider). */
    static final Duration MAX_LOCK_WAIT = Defaults.MAX_LOCK_WAIT;
    static final Duration MAX_CONNECT_TIMEOUT = Defaults.MAX_CONNECT_TIMEOUT;

    /** Settings by name, starting from {@link Defaults}: no database, nothing allowed that is not by default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every check of the configuration, in one place; fails on the first problem, naming the setting. */
    public Settings validate() {
        if (dataSource != null && url != null) {
            throw invalid("Both a DataSource and a JDBC URL are configured: keep one of dataSource(...) and url(...).");
        }
        if (url != null) {
            String lower = url.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("jdbc:mysql:") && !lower.startsWith("jdbc:mariadb:")) {
                throw new MarsSchemaException(ErrorCode.UNSUPPORTED_DATABASE, "The URL " + Redact.url(url)
                        + " is not a MySQL or MariaDB URL: marsai-schema manages MySQL 8 and MariaDB 10.11 databases;"
                        + " use jdbc:mysql://HOST:3306/DATABASE.");
            }
        }
        if (url == null && (user != null || password != null)) {
            throw invalid("A user or password is set without a URL: add url(\"jdbc:mysql://HOST:3306/DATABASE\").");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || connectTimeout.compareTo(MAX_CONNECT_TIMEOUT) > 0) {
            throw invalid("connectTimeout must be positive and at most " + MAX_CONNECT_TIMEOUT.toMinutes()
                    + " minutes, got " + connectTimeout + ".");
        }
        if (lockWait == null || lockWait.isNegative() || lockWait.compareTo(MAX_LOCK_WAIT) > 0) {
            throw invalid("lockWait must be between 0 and " + MAX_LOCK_WAIT.toDays() + " days ("
                    + MAX_LOCK_WAIT.toSeconds() + " s), got " + lockWait + ".");
        }
        return this;
    }

    public boolean hasDatabase() {
        return dataSource != null || url != null;
    }

    private static MarsSchemaException invalid(String message) {
        return new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, message);
    }

    @Override
    public String toString() {
        return "Settings[url=" + (url == null ? null : Redact.url(url)) + ", user=" + user
                + ", password=" + (password == null ? null : "****") + ", dataSource=" + dataSource
                + ", connectTimeout=" + connectTimeout + ", lockWait=" + lockWait
                + ", allowDataLoss=" + allowDataLoss + ", refuseNewerChangesets=" + refuseNewerChangesets
                + ", consolidatedInstall=" + consolidatedInstall + "]";
    }

    /** The settings one by one, each named; {@link #build()} makes the record (checked by {@link #validate()}). */
    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private Duration connectTimeout = Defaults.CONNECT_TIMEOUT;
        private Duration lockWait = Defaults.LOCK_WAIT;
        private boolean allowDataLoss;
        private boolean refuseNewerChangesets;
        private boolean consolidatedInstall = true;

        private Builder() {
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder lockWait(Duration lockWait) {
            this.lockWait = lockWait;
            return this;
        }

        public Builder allowDataLoss(boolean allowDataLoss) {
            this.allowDataLoss = allowDataLoss;
            return this;
        }

        public Builder refuseNewerChangesets(boolean refuseNewerChangesets) {
            this.refuseNewerChangesets = refuseNewerChangesets;
            return this;
        }

        public Builder consolidatedInstall(boolean consolidatedInstall) {
            this.consolidatedInstall = consolidatedInstall;
            return this;
        }

        public Settings build() {
            return new Settings(dataSource, url, user, password, connectTimeout, lockWait, allowDataLoss,
                    refuseNewerChangesets, consolidatedInstall);
        }
    }
}
