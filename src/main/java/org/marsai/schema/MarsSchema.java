package org.marsai.schema;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.marsai.schema.internal.command.AdoptOperation;
import org.marsai.schema.internal.command.Context;
import org.marsai.schema.internal.command.DiffOperation;
import org.marsai.schema.internal.command.HistoryOperation;
import org.marsai.schema.internal.command.InstallSqlOperation;
import org.marsai.schema.internal.command.PreviewOperation;
import org.marsai.schema.internal.command.ReleaseLocksOperation;
import org.marsai.schema.internal.command.RepairOperation;
import org.marsai.schema.internal.command.RollbackOperation;
import org.marsai.schema.internal.command.StatusOperation;
import org.marsai.schema.internal.command.TagOperation;
import org.marsai.schema.internal.command.UpdateOperation;
import org.marsai.schema.internal.command.ValidateOperation;
import org.marsai.schema.internal.jdbc.Settings;

/**
 * The MarsAI schema: apply, inspect, preview and undo its migrations on a MySQL 8 or MariaDB database.
 *
 * <pre>{@code
 * MarsSchema.update(dataSource);                        // at start-up: apply whatever is pending
 *
 * MarsSchema schema = MarsSchema.configure().dataSource(dataSource).load();
 * StatusResult status = schema.status();
 * schema.rollback(RollbackTarget.toMigration("20260216120000-alter-movies-selection-status"));
 * }</pre>
 *
 * <p>An instance is immutable and safe to share between threads. Every operation takes a connection,
 * uses it and closes it (returning it to its pool). Operations that change the database hold a
 * lock for their duration, so concurrent callers, in this process or others, run one after the other.
 * Migration names are the original Sequelize migration names, with or without {@code .cjs}.
 *
 * <p>Failures throw {@link MarsSchemaException} (unchecked), whose {@link MarsSchemaException#code()}
 * says what kind of failure it is and whose message names the problem and the fix.
 */
public final class MarsSchema {

    private final Context context;

    private MarsSchema(Context context) {
        this.context = context;
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
        return context.migrations();
    }

    /** Every changeset of the changelog, in order, with the migration it belongs to. */
    public List<ChangeSetInfo> changeSets() {
        return context.changeSets();
    }

    /**
     * Applies every pending changeset. Changes nothing when the database is up to date, nor when a newer version
     * migrated it (see {@link Builder#refuseNewerChangesets(boolean)}).
     */
    public UpdateResult update() {
        return new UpdateOperation(context).update(Optional.empty());
    }

    /** Applies the pending changesets up to and including those of {@code migration}. */
    public UpdateResult updateTo(String migration) {
        return new UpdateOperation(context).update(Optional.of(migration));
    }

    /** What the database has applied and what is pending; reads only. */
    public StatusResult status() {
        return new StatusOperation(context).status();
    }

    /** The changesets the database has applied, in the order they ran; reads only. */
    public List<HistoryEntry> history() {
        return new HistoryOperation(context).history();
    }

    /**
     * Undoes the changesets {@code target} names, newest first. A rollback that would destroy stored data
     * (drop a table or column holding data, remove ENUM values rows still use) refuses with a
     * {@link RollbackRefusedException} before changing anything, unless {@link Builder#allowDataLoss(boolean)}.
     */
    public RollbackResult rollback(RollbackTarget target) {
        return new RollbackOperation(context).rollback(Objects.requireNonNull(target, "target"));
    }

    /** Tags the last applied changeset, so that {@link RollbackTarget#toTag(String)} can return to this point. */
    public void tag(String tag) {
        new TagOperation(context).tag(tag);
    }

    /**
     * The SQL an update would run, including the history rows, ready for a DBA to review and run with the
     * {@code mysql}/{@code mariadb} client. With a database configured: only what is pending there, in its
     * dialect. Without one: the complete script for an empty database, in MySQL 8 syntax.
     */
    public String updateSql() {
        return new PreviewOperation(context).updateSql(Optional.empty());
    }

    /** Like {@link #updateSql()}, up to and including {@code migration}. */
    public String updateSqlTo(String migration) {
        return new PreviewOperation(context).updateSql(Optional.of(migration));
    }

    /**
     * The consolidated install of an empty database as a script: the schema as the changelog leaves it, one
     * {@code CREATE TABLE} per table, then every history row in one statement. Without a database configured: for
     * an empty database, in MySQL 8 syntax; with one that is not empty: refused ({@link #updateSql()} is its script).
     */
    public String consolidatedInstallSql() {
        return new InstallSqlOperation(context).installSql(Optional.empty());
    }

    /** Like {@link #consolidatedInstallSql()}, up to and including {@code migration}. */
    public String consolidatedInstallSqlTo(String migration) {
        return new InstallSqlOperation(context).installSql(Optional.of(migration));
    }

    /** The SQL {@link #rollback(RollbackTarget)} would run, with what it would destroy; changes nothing. */
    public String rollbackSql(RollbackTarget target) {
        return new PreviewOperation(context).rollbackSql(Objects.requireNonNull(target, "target"));
    }

    /**
     * Clears a lock that Liquibase's own lock table ({@code DATABASECHANGELOGLOCK}) still holds because an
     * older tool was killed, and reports a live holder of this library's lock. This library's own lock
     * needs no clearing: the server releases it when its holder's connection ends.
     *
     * @return one sentence per lock released or found; empty when there was none
     */
    public List<String> releaseLocks() {
        return new ReleaseLocksOperation(context).releaseLocks();
    }

    /**
     * What adopting this database from the original sequelize-cli migrations would do: which migrations
     * its {@code SequelizeMeta} lists, whether the schema matches them, what would be recorded and what
     * would then remain to apply. Reads only. {@link #update()} adopts by itself when it finds
     * {@code SequelizeMeta} and no history of this library.
     */
    public AdoptionPlan adoptionPlan() {
        return new AdoptOperation(context).plan();
    }

    /**
     * Only the adoption step: records the migrations {@code SequelizeMeta} lists as applied (no DDL runs,
     * no row changes) after checking the schema matches them; throws {@code ADOPTION_REFUSED} otherwise.
     */
    public AdoptionPlan adopt() {
        return new AdoptOperation(context).adopt();
    }

    /**
     * Records again the history rows a database lost: changesets not recorded although later ones are (a row
     * deleted by hand, a partial restore). Checks first that the schema is exactly what the history with them
     * implies, and refuses ({@code HISTORY_DAMAGED}, naming the differences) otherwise. Runs no DDL.
     */
    public RepairResult repair() {
        return new RepairOperation(context).repair();
    }

    /**
     * The same as {@link #repair()}, under its 1.0 name.
     *
     * @deprecated since 1.2.0: use {@link #repair()}, the CLI's word for it.
     */
    @Deprecated(since = "1.2.0")
    public RepairResult repairHistory() {
        return repair();
    }

    /**
     * Compares the database with the schema the changelog implies for the changesets that database has
     * applied: tables, columns (type with the full ENUM list, nullability, default, auto-increment, comment,
     * position), primary keys, indexes and foreign keys with their names and rules. Reads only
     * ({@code information_schema}); Liquibase's tables, {@code SequelizeMeta} and the application's own tables
     * (listed in {@link SchemaDiff#notManaged()}) are left out. Refuses on a database a newer version migrated,
     * whose newer changesets this version cannot tell from drift.
     */
    public SchemaDiff diff() {
        return new DiffOperation(context).diff();
    }

    /** Compares the database with another one (e.g. production with staging), which is the reference. */
    public SchemaDiff diffAgainst(MarsSchema reference) {
        return new DiffOperation(context).diffAgainst(Objects.requireNonNull(reference, "reference").context);
    }

    /**
     * Checks the changelog and, with a database, that its history matches this version: no edited or lost
     * changeset, and no changeset of a newer version when {@link Builder#refuseNewerChangesets(boolean)} is set.
     * Use {@link ValidationResult#orThrow()} to fail on problems.
     */
    public ValidationResult validate() {
        return new ValidateOperation(context).validate();
    }

    /** Configuration of a {@link MarsSchema}. Not thread-safe; {@link #load()} checks it and freezes it. */
    public static final class Builder {
        private final Settings.Builder settings = Settings.builder();

        private Builder() {
        }

        /** The database to manage, e.g. the application's pool. Default: none (only offline previews work). */
        public Builder dataSource(DataSource dataSource) {
            settings.dataSource(dataSource);
            return this;
        }

        /** A JDBC URL ({@code jdbc:mysql://HOST:3306/DATABASE}) instead of a DataSource. Default: none. */
        public Builder url(String url) {
            settings.url(url);
            return this;
        }

        /** The user for {@link #url(String)}. Default: none (the URL's). */
        public Builder username(String username) {
            settings.user(username);
            return this;
        }

        /**
         * The same as {@link #username(String)}, under its 1.0 name.
         *
         * @deprecated since 1.2.0: use {@link #username(String)}, the word of the CLI and the Spring properties.
         */
        @Deprecated(since = "1.2.0")
        public Builder user(String user) {
            return username(user);
        }

        /** The password for {@link #url(String)}. Default: none. Never logged or shown in messages. */
        public Builder password(String password) {
            settings.password(password);
            return this;
        }

        /** How long connecting through {@link #url(String)} may take. Default: 10 seconds ({@link Defaults}). */
        public Builder connectTimeout(Duration connectTimeout) {
            settings.connectTimeout(connectTimeout);
            return this;
        }

        /** How long to wait for another process's migration to finish. Default: 5 minutes ({@link Defaults}). */
        public Builder lockWait(Duration lockWait) {
            settings.lockWait(lockWait);
            return this;
        }

        /**
         * The same as {@link #lockWait(Duration)}, under its 1.0 name.
         *
         * @deprecated since 1.2.0: use {@link #lockWait(Duration)}, the word of the CLI and the Spring properties.
         */
        @Deprecated(since = "1.2.0")
        public Builder lockWaitTimeout(Duration lockWaitTimeout) {
            return lockWait(lockWaitTimeout);
        }

        /**
         * Whether rollbacks may destroy stored data: drop tables or columns that hold data, remove ENUM
         * values that rows use. Default: false, and such a rollback refuses with a
         * {@link RollbackRefusedException} before changing anything.
         */
        public Builder allowDataLoss(boolean allowDataLoss) {
            settings.allowDataLoss(allowDataLoss);
            return this;
        }

        /**
         * Whether an update refuses a database whose history holds changesets of a newer version (a rolling
         * deploy's old instances, an application rolled back). Default: false, and such an update starts: it
         * changes nothing and logs one WARN naming those changesets, provided every changeset this version knows
         * is applied. With true it refuses ({@code DATABASE_NEWER_THAN_LIBRARY}). A rollback from this version
         * refuses there either way: it cannot undo changesets it does not know.
         */
        public Builder refuseNewerChangesets(boolean refuseNewerChangesets) {
            settings.refuseNewerChangesets(refuseNewerChangesets);
            return this;
        }

        /**
         * Whether an update of a database without MarsAI tables and without history is a consolidated install: the
         * schema as the changelog leaves it created directly, then every history row in one statement, exactly as
         * the changesets run one by one record them. Default: true. With false every update runs the changesets
         * one by one (the way any database with MarsAI tables or history is always updated).
         */
        public Builder consolidatedInstall(boolean consolidatedInstall) {
            settings.consolidatedInstall(consolidatedInstall);
            return this;
        }

        /** Checks the configuration and returns the immutable facade; fails naming the first bad setting. */
        public MarsSchema load() {
            return new MarsSchema(Context.load(settings.build()));
        }
    }
}
