package org.marsai.schema.internal;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a session for an operation and, for changes, holds the migration lock around it. Every operation
 * runs through one of its three doors, named after what they set up.
 */
final class Runner {

    static final Logger LOG = LoggerFactory.getLogger("org.marsai.schema");

    private final Settings settings;

    Runner(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    /** Plain JDBC work: no Liquibase involved, so none of its start-up either. */
    <T> T withSession(Function<Session, T> work) {
        try (Session session = Session.open(settings)) {
            return work.apply(session);
        }
    }

    /** A session inside a Liquibase scope, without the migration lock: previews and checks. */
    <T> T withLiquibase(Function<Session, T> work) {
        return LiquibaseScope.call(() -> withSession(work));
    }

    /**
     * A change, under the migration lock for its whole duration. {@code strict}: the session's sql_mode
     * makes the server refuse to truncate or blank a value instead of doing it silently; only a rollback
     * with data loss allowed runs without it. The session's sql_mode is restored afterwards (the connection
     * may go back to a pool).
     */
    <T> T underLock(String operation, boolean strict, Function<Session, T> work) {
        return LiquibaseScope.call(() -> {
            try (Session session = Session.open(settings)) {
                LOG.info("marsai-schema: {} of {} starting", operation, session.where());
                MigrationLock.acquire(session.connection, session.schema, settings.lockWaitTimeout());
                String sqlMode;
                try {
                    LockTable.awaitFree(session.connection, settings.lockWaitTimeout());
                    sqlMode = SqlMode.set(session.connection, strict);
                } catch (RuntimeException e) {
                    MigrationLock.release(session.connection, session.schema);
                    throw e;
                }
                try {
                    return work.apply(session);
                } finally {
                    SqlMode.restore(session.connection, sqlMode);
                    MigrationLock.release(session.connection, session.schema);
                }
            }
        });
    }
}
