package org.marsai.schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.marsai.schema.internal.Engine;
import org.marsai.schema.internal.Settings;

/**
 * The MarsAI schema: apply, inspect, preview and undo its migrations on a MySQL 8 or MariaDB database.
 *
 * <pre>{@code
 * MarsSchema.update(dataSource);                        // at start-up: apply whatever is pending
 *
 * MarsSchema schema = MarsSchema.configure().dataSource(dataSource).load();
 * StatusResult status = schema.status();
 * schema.rollbackTo("20260216120000-alter-movies-selection-status");
 * }</pre>
 *
 * <p>An instance is immutable and safe to share between threads. Every operation takes a connection,
 * uses it and closes it (returning it to its pool). Operations that change the database hold a
 * server-side lock for their duration, so concurrent callers, in this process or others, run one after
 * the other. Migration names are the original Sequelize migration names, with or without {@code .cjs}.
 *
 * <p>Failures throw {@link MarsSchemaException} (unchecked), whose {@link MarsSchemaException#code()}
 * says what kind of failure it is and whose message names the problem and the fix.
 */
public final class MarsSchema {

    private final Engine engine;

    private MarsSchema(Engine engine) {
        this.engine = engine;
    }

    /** Applies every pending migration to the database behind {@code dataSource}. */
    public static UpdateResult update(DataSource dataSource) {
        return configure().dataSource(Objects.requireNonNull(dataSource, "dataSource")).load().update();
    }

    /** Starts a configuration; {@link Builder#load()} turns it into an immutable {@code MarsSchema}. */
    public static Builder configure() {
        return new Builder();
    }

    /** The names of the MarsAI migrations, in the order they apply. */
    public List<String> migrations() {
        return engine.changelog().migrations();
    }

    /** Every changeset of the changelog, in order, with the migration it belongs to. */
    public List<ChangeSetInfo> changeSets() {
        return engine.changelog().changeSets();
    }

    /**
     * This facade, except that its rollbacks may destroy stored data. By default a rollback that would drop
     * a table or column holding data, or remove ENUM values rows still use, refuses with a
     * {@link RollbackRefusedException} before changing anything.
     */
    public MarsSchema withDataLossAllowed() {
        return new MarsSchema(engine.withDataLossAllowed());
    }

    /** Applies every pending changeset. Changes nothing when the database is up to date. */
    public UpdateResult update() {
        return engine.update(Optional.empty());
    }

    /** Applies the pending changesets up to and including those of {@code migration}. */
    public UpdateResult updateTo(String migration) {
        return engine.update(Optional.of(migration));
    }

    /** What the database has applied and what is pending; reads only. */
    public StatusResult status() {
        return engine.status();
    }

    /** The changesets the database has applied, in the order they ran; reads only. */
    public List<HistoryEntry> history() {
        return engine.history();
    }

    /** Undoes the last {@code migrations} applied migrations (each with all its changesets). */
    public RollbackResult rollback(int migrations) {
        return engine.rollbackMigrations(migrations);
    }

    /** Undoes every migration applied after {@code migration}; {@code migration} itself stays applied. */
    public RollbackResult rollbackTo(String migration) {
        return engine.rollbackTo(migration);
    }

    /** Undoes every applied migration: no MarsAI table is left. */
    public RollbackResult rollbackAll() {
        return engine.rollbackAll();
    }

    /** Undoes every changeset applied after the one tagged {@code tag}. */
    public RollbackResult rollbackToTag(String tag) {
        return engine.rollbackToTag(tag);
    }

    /**
     * Undoes every changeset applied after {@code instant}. The history records the database server's
     * local time; the instant is compared in this JVM's time zone, so keep both in the same zone.
     */
    public RollbackResult rollbackToDate(Instant instant) {
        return engine.rollbackToDate(instant);
    }

    /** Tags the last applied changeset, so that {@link #rollbackToTag(String)} can return to this point. */
    public void tag(String tag) {
        engine.tag(tag);
    }

    /**
     * The SQL an update would run, including the history rows, ready for a DBA to review and run with the
     * {@code mysql}/{@code mariadb} client. With a database configured: only what is pending there, in its
     * dialect. Without one: the complete script for an empty database, in MySQL 8 syntax.
     */
    public String updateSql() {
        return engine.updateSql(Optional.empty());
    }

    /** Like {@link #updateSql()}, up to and including {@code migration}. */
    public String updateSqlTo(String migration) {
        return engine.updateSql(Optional.of(migration));
    }

    /** The SQL {@link #rollback(int)} would run; changes nothing. */
    public String rollbackSql(int migrations) {
        return engine.rollbackSqlMigrations(migrations);
    }

    /** The SQL {@link #rollbackTo(String)} would run; changes nothing. */
    public String rollbackSqlTo(String migration) {
        return engine.rollbackSqlTo(migration);
    }

    /** The SQL {@link #rollbackAll()} would run; changes nothing. */
    public String rollbackSqlAll() {
        return engine.rollbackSqlAll();
    }

    /**
     * Clears a lock that Liquibase's own lock table ({@code DATABASECHANGELOGLOCK}) still holds because an
     * older tool was killed, and reports a live holder of this library's lock. This library's own lock
     * needs no clearing: the server releases it when its holder's connection ends.
     *
     * @return one sentence per lock released or found; empty when there was none
     */
    public List<String> releaseLocks() {
        return engine.releaseLocks();
    }

    /**
     * What taking over this database from the original sequelize-cli migrations would do: which migrations
     * its {@code SequelizeMeta} lists, whether the schema matches them, what would be recorded and what
     * would then remain to apply. Reads only. {@link #update()} does the handover by itself when it finds
     * {@code SequelizeMeta} and no history of this library.
     */
    public HandoverPlan handoverPlan() {
        return engine.handoverPlan();
    }

    /**
     * Only the handover step: records the migrations {@code SequelizeMeta} lists as applied (no DDL runs,
     * no row changes) after checking the schema matches them; throws {@code HANDOVER_REFUSED} otherwise.
     */
    public HandoverPlan handover() {
        return engine.handover();
    }

    /**
     * Compares the database with the schema the changelog implies for the changesets that database has
     * applied: tables, columns (type with the full ENUM list, nullability, default, auto-increment, comment,
     * position), primary keys, indexes and foreign keys with their names and rules. Reads only
     * ({@code information_schema}); Liquibase's tables and {@code SequelizeMeta} are left out.
     */
    public SchemaDiff diff() {
        return engine.diff();
    }

    /** Compares the database with another one (e.g. production with staging), which is the reference. */
    public SchemaDiff diffAgainst(MarsSchema reference) {
        return engine.diffAgainst(Objects.requireNonNull(reference, "reference").engine);
    }

    /**
     * Checks the changelog and, with a database, that its history matches this version: no edited
     * changeset, no changeset of a newer version. Use {@link ValidationResult#orThrow()} to fail on problems.
     */
    public ValidationResult validate() {
        return engine.validate();
    }

    /** Configuration of a {@link MarsSchema}. Not thread-safe; {@link #load()} checks it and freezes it. */
    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private Duration connectTimeout = Settings.DEFAULT_CONNECT_TIMEOUT;
        private Duration lockWaitTimeout = Settings.DEFAULT_LOCK_WAIT_TIMEOUT;

        private Builder() {
        }

        /** The database to manage, e.g. the application's pool. Default: none (only offline previews work). */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** A JDBC URL ({@code jdbc:mysql://HOST:3306/DATABASE}) instead of a DataSource. Default: none. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** The user for {@link #url(String)}. Default: none (the URL's). */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The password for {@link #url(String)}. Default: none. Never logged or shown in messages. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** How long connecting through {@link #url(String)} may take. Default: 10 seconds. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long to wait for another process's migration to finish. Default: 5 minutes. */
        public Builder lockWaitTimeout(Duration lockWaitTimeout) {
            this.lockWaitTimeout = lockWaitTimeout;
            return this;
        }

        /** Checks the configuration, reads the changelog, and returns the immutable facade. */
        public MarsSchema load() {
            return new MarsSchema(new Engine(
                    new Settings(dataSource, url, user, password, connectTimeout, lockWaitTimeout, false)));
        }
    }
}
