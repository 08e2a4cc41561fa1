package org.marsai.schema.internal.liquibase;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.jvm.JdbcConnection;
import org.marsai.schema.ConnectionException;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.internal.jdbc.Session;

/**
 * A session's connection as a Liquibase {@link Database}, made on first use (inside a Liquibase scope) and
 * closed with the session; and which of the databases Liquibase hands to its services are this library's (only
 * these get our lock service and history-table generator).
 */
public final class LiquibaseDatabase {

    private static final Map<Session, Database> OPEN = Collections.synchronizedMap(new WeakHashMap<>());

    private LiquibaseDatabase() {
    }

    public static Database of(Session session) {
        Database database = OPEN.get(session);
        if (database == null) {
            database = create(session);
            OPEN.put(session, database);
            Database made = database;
            session.closeWith(() -> {
                OPEN.remove(session);
                made.close();
            });
        }
        // Liquibase looks for its tables by exact name: tell it theirs, whatever their case, so that a
        // lower-case databasechangelog (restored from a case-insensitive server) is not split in two.
        session.tables().history().ifPresent(database::setDatabaseChangeLogTableName);
        session.tables().lock().ifPresent(database::setDatabaseChangeLogLockTableName);
        return database;
    }

    /** The session of a database this library opened, or {@code null}. */
    public static Session sessionOf(Database database) {
        synchronized (OPEN) {
            for (Map.Entry<Session, Database> open : OPEN.entrySet()) {
                if (open.getValue() == database) {
                    return open.getKey();
                }
            }
        }
        return null;
    }

    private static Database create(Session session) {
        Database database;
        try {
            database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                    new JdbcConnection(session.connection));
        } catch (Exception e) {
            throw new ConnectionException(ErrorCode.UNEXPECTED, "Liquibase cannot use the connection to "
                    + session.where() + ": " + e.getMessage(), e);
        }
        if (!(database instanceof MySQLDatabase)) {
            throw new ConnectionException(ErrorCode.UNSUPPORTED_DATABASE, session.where() + " is a "
                    + database.getDatabaseProductName() + " database: marsai-schema manages MySQL 8 and MariaDB"
                    + " 10.11 databases only.", null);
        }
        return database;
    }
}
