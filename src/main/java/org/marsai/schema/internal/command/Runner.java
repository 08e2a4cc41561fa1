package org.marsai.schema.internal.command;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.marsai.schema.ConnectionException;
import org.marsai.schema.internal.jdbc.Connector;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.jdbc.SessionSettings;
import org.marsai.schema.internal.jdbc.Settings;
import org.marsai.schema.internal.jdbc.SqlMode;
import org.marsai.schema.internal.jdbc.Topology;
import org.marsai.schema.internal.liquibase.LiquibaseScope;
import org.marsai.schema.internal.lock.LeaseLock;
import org.marsai.schema.internal.lock.MigrationLock;
import org.marsai.schema.internal.lock.ServerLock;
import org.marsai.schema.internal.plan.ClusterRules;

/**
 * Opens a session for an operation and, for changes, holds the migration lock around it. Every operation
 * runs through one of its four doors, named after what they set up. A connection that breaks or a server
 * that stops answering comes out as one {@link ConnectionException} naming the operation.
 */
public final class Runner {

    private final Settings settings;

    Runner(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    /** Plain JDBC work: no Liquibase involved, so none of its start-up either. */
    <T> T withSession(Function<Session, T> work) {
        try (Session session = Connector.open(settings)) {
            return connectionChecked(session, "reading " + session.where(), work);
        }
    }

    /** Work without a database, inside a Liquibase scope: offline previews and checks. */
    <T> T offline(Supplier<T> work) {
        return LiquibaseScope.call(work::get);
    }

    /** A session inside a Liquibase scope, without the migration lock: previews and checks. */
    <T> T withLiquibase(Function<Session, T> work) {
        return LiquibaseScope.call(() -> withSession(work));
    }

    /**
     * A change, under the migration lock for its whole duration. {@code strict}: the session's sql_mode
     * makes the server refuse to truncate or blank a value instead of doing it silently; only a rollback
     * with data loss allowed runs without it. The session's settings are restored afterwards (the connection
     * may go back to a pool).
     */
    <T> T underLock(String operation, boolean strict, Function<Session, T> work) {
        return LiquibaseScope.call(() -> {
            try (Session session = Connector.open(settings)) {
                return connectionChecked(session, operation, s -> locked(s, operation, strict, work));
            }
        });
    }

    /**
     * The same lock for plain JDBC work, without Liquibase's start-up: the consolidated install. A cluster's lease
     * (whose table Liquibase's generator creates) still runs inside the scope.
     */
    <T> T underLockWithoutLiquibase(String operation, Function<Session, T> work) {
        try (Session session = Connector.open(settings)) {
            if (session.topology().needsLease()) {
                return LiquibaseScope.call(() -> connectionChecked(session, operation, s -> locked(s, operation, true, work)));
            }
            return connectionChecked(session, operation, s -> locked(s, operation, true, work));
        }
    }

    private <T> T locked(Session session, String operation, boolean strict, Function<Session, T> work) {
        Topology topology = session.topology();
        MigrationLock lock = topology.needsLease() ? new LeaseLock(session, topology, operation)
                : new ServerLock(session, operation);
        Log.LOG.info("marsai-schema: {} of {} starting ({}; migration lock: {})", operation, session.where(),
                topology.description(), lock.description());
        lock.acquire(settings.lockWait());
        session.workUnder(lock);
        // What the session learnt when it opened may be stale after the wait: another run may have created
        // the history table meanwhile.
        session.refreshTables();
        ClusterRules.warnings(session, topology).forEach(warning -> Log.LOG.warn("marsai-schema: {}", warning));
        try {
            SqlMode.set(session, strict);
            try {
                session.restoreOnClose(SessionSettings.shortLockWait(session.connection));
            } catch (SQLException e) {
                throw Failures.of(e, session.where(), "set the session's lock_wait_timeout");
            }
            // Schema changes may take long on large tables: while the lock is held, the server is given time.
            session.bound(Duration.ZERO);
            return work.apply(session);
        } finally {
            session.workUnder(null);
            lock.release();
        }
    }

    private static <T> T connectionChecked(Session session, String operation, Function<Session, T> work) {
        try {
            return work.apply(session);
        } catch (ConnectionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Failures.connectionLost(e)) {
                throw Failures.lost(e, session.where(), operation);
            }
            throw e;
        }
    }
}
