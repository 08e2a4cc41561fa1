package org.marsai.schema.internal.lock;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.ServerErrors;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.jdbc.SessionSettings;

/**
 * Schema changes that wait for an application's transaction without holding the application up. An
 * {@code ALTER TABLE} or {@code RENAME TABLE} needs the table's metadata lock, which an open transaction that
 * read the table holds until it ends; while the DDL waits, every new query on the table queues behind it.
 * So each statement waits only {@link SessionSettings#SHORT_LOCK_WAIT_SECONDS} s (the session's
 * {@code lock_wait_timeout}), then steps back and lets the queue through, and is tried again after a pause,
 * for as long as the caller's wait ({@code lockWait}, CLI {@code --lock-wait}) allows; then it gives
 * up, naming the sessions in the way. gh-ost and pt-online-schema-change do the same.
 */
public final class MetadataLocks {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    /** Work of one or more DDL statements that can be run again from where it stopped. */
    public interface Retryable<T> {
        T run() throws SQLException;
    }

    private final Session session;
    private final Instant deadline;
    private Duration pause = FIRST_PAUSE;
    private int attempts;

    /** The wait starts now and lasts the caller's lock wait. */
    public MetadataLocks(Session session) {
        this.session = session;
        this.deadline = Instant.now().plus(session.settings().lockWait());
    }

    /** Runs {@code work}, again after a pause each time it times out waiting for a lock, within the wait. */
    public <T> T retrying(String what, Retryable<T> work) throws SQLException {
        while (true) {
            attempts++;
            try {
                return work.run();
            } catch (SQLException e) {
                if (!timedOut(e)) {
                    throw e;
                }
                pauseOrGiveUp(what, e);
            }
        }
    }

    /** The same, for work that reports its failures unchecked (a Liquibase command). */
    public <T> T retryingCommand(Supplier<String> what, Supplier<T> work) {
        while (true) {
            attempts++;
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!timedOut(e)) {
                    throw e;
                }
                pauseOrGiveUp(what.get(), e);
            }
        }
    }

    /** After a timed-out attempt: pauses before the next one, or gives up when the next would start past the wait. */
    public void pauseOrGiveUp(String what, Exception cause) {
        if (Instant.now().plus(pause).isAfter(deadline)) {
            throw gaveUp(what, cause);
        }
        Log.LOG.info("marsai-schema: {} waited {} s for a table lock held by {}; stepped back so that the application's"
                + " queries go on, trying again in {} ms", what, SessionSettings.SHORT_LOCK_WAIT_SECONDS,
                blockers(), pause.toMillis());
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw gaveUp(what, cause);
        }
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
    }

    /** Whether a failure is a lock wait that timed out. */
    public static boolean timedOut(Throwable e) {
        return ServerErrors.lockWaitTimedOut(e);
    }

    private LockTimeoutException gaveUp(String what, Exception cause) {
        LockTimeoutException e = new LockTimeoutException("Cannot " + what + " in " + session.where() + ": the table"
                + " it changes is in use by " + blockers() + ". A schema change must wait for such a transaction to"
                + " end, and while it waits every query on the table queues behind it, so it waited "
                + SessionSettings.SHORT_LOCK_WAIT_SECONDS + " s at a time (" + attempts + " attempt(s) within the "
                + session.settings().lockWait().toSeconds() + " s allowed) and stepped back; nothing of it"
                + " ran, and what ran before it stays recorded. End that transaction (commit it, or KILL its"
                + " connection), then run again, or raise the wait (lockWait, CLI --lock-wait).");
        e.addSuppressed(cause);
        return e;
    }

    /**
     * The sessions that may hold a lock on this database's tables, as far as this user may see: the metadata
     * locks of performance_schema where they are recorded (MySQL 8+), else the open transactions InnoDB lists
     * (MariaDB, whose performance_schema is off by default), else the other sessions using this database.
     */
    String blockers() {
        List<String> found = new ArrayList<>();
        try {
            found = rows("SELECT t.PROCESSLIST_ID, t.PROCESSLIST_USER, t.PROCESSLIST_HOST, MAX(p.TIME),"
                    + " GROUP_CONCAT(DISTINCT m.OBJECT_NAME) FROM performance_schema.metadata_locks m"
                    + " JOIN performance_schema.threads t ON t.THREAD_ID = m.OWNER_THREAD_ID"
                    + " LEFT JOIN information_schema.PROCESSLIST p ON p.ID = t.PROCESSLIST_ID"
                    + " WHERE m.OBJECT_TYPE = 'TABLE' AND m.OBJECT_SCHEMA = DATABASE() AND m.LOCK_STATUS = 'GRANTED'"
                    + " AND t.PROCESSLIST_ID <> CONNECTION_ID()"
                    + " GROUP BY t.PROCESSLIST_ID, t.PROCESSLIST_USER, t.PROCESSLIST_HOST", "a lock on %5$s, idle %4$d s");
        } catch (SQLException e) {
            // performance_schema off or not readable: InnoDB's transactions
        }
        if (found.isEmpty()) {
            found = innodbTransactions();
        }
        if (found.isEmpty()) {
            try {
                found = rows("SELECT ID, USER, HOST, TIME, COMMAND FROM information_schema.PROCESSLIST WHERE"
                        + " DB = DATABASE() AND ID <> CONNECTION_ID() AND COALESCE(STATE, '') NOT LIKE '%metadata lock%'",
                        "using this database, %5$s for %4$d s");
            } catch (SQLException e) {
                // not readable
            }
        }
        return found.isEmpty() ? "another session's open transaction (not visible to this user: see SHOW"
                + " PROCESSLIST as an administrator)" : String.join("; ", found);
    }

    private static final Pattern TRANSACTION = Pattern.compile(
            "---TRANSACTION [^\\n]*ACTIVE (\\d+) sec[^\\n]*\\n(?:[^\\n-][^\\n]*\\n)*?"
            + "(?:MySQL|MariaDB) thread id (\\d+), OS thread handle \\S+, query id \\d+ (\\S+) (\\S+)");

    /** Open InnoDB transactions, read-only ones included, from SHOW ENGINE INNODB STATUS (needs PROCESS). */
    private List<String> innodbTransactions() {
        List<String> found = new ArrayList<>();
        long own;
        String status;
        try (PreparedStatement id = session.connection.prepareStatement("SELECT CONNECTION_ID()");
             ResultSet rs = id.executeQuery()) {
            rs.next();
            own = rs.getLong(1);
            try (PreparedStatement show = session.connection.prepareStatement("SHOW ENGINE INNODB STATUS");
                 ResultSet text = show.executeQuery()) {
                status = text.next() ? text.getString("Status") : "";
            }
        } catch (SQLException e) {
            return found;
        }
        Matcher m = TRANSACTION.matcher(status == null ? "" : status);
        while (m.find() && found.size() < 5) {
            if (Long.parseLong(m.group(2)) != own) {
                found.add("connection " + m.group(2) + " of " + m.group(4) + "@" + m.group(3)
                        + " (a transaction open for " + m.group(1) + " s)");
            }
        }
        return found;
    }

    private List<String> rows(String sql, String detail) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = session.connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next() && found.size() < 5) {
                found.add("connection " + rs.getLong(1) + " of " + rs.getString(2) + "@" + rs.getString(3) + " ("
                        + String.format(detail, null, null, null, rs.getLong(4), rs.getString(5)) + ")");
            }
        }
        return found;
    }
}
