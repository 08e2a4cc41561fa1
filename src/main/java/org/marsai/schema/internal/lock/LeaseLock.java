package org.marsai.schema.internal.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.core.CreateDatabaseChangeLogLockTableStatement;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.jdbc.Connector;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.ServerErrors;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.jdbc.Topology;
import org.marsai.schema.internal.liquibase.LiquibaseDatabase;

/**
 * The migration lock on a cluster: a lease in row 1 of Liquibase's own lock table,
 * {@code DATABASECHANGELOGLOCK}, the row Liquibase's CLI and Spring Boot lock too, so that they wait for
 * this library and it for them. Taking it is one conditional {@code UPDATE}, committed, so it is certified
 * across the cluster: of two nodes taking it at once, one commit fails its certification and that node
 * waits. A second connection renews it every {@link #RENEWAL} while the run goes on; a holder that dies
 * stops renewing, and after {@link #LEASE} without renewal the next run takes it over. A run that could not
 * renew in time has lost the lease: it stops before its next changeset ({@link #isHeld()}).
 */
public final class LeaseLock implements MigrationLock {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration RENEWAL = Duration.ofSeconds(5);
    /** How this library's leases start in LOCKEDBY; anything else is another tool's lock, which never expires. */
    static final String PREFIX = "marsai-schema lease ";
    private static final Duration POLL = Duration.ofMillis(500);

    private final Session session;
    private final Topology topology;
    private final String owner;
    private final String lockedBy;
    private String table;
    private Session renewer;
    private ScheduledExecutorService timer;
    private volatile Instant renewed;
    private volatile boolean lost;
    private boolean held;

    public LeaseLock(Session session, Topology topology, String operation) {
        this.session = session;
        this.topology = topology;
        this.owner = MigrationLock.owner(operation);
        String text = PREFIX + UUID.randomUUID().toString().substring(0, 8) + " by " + owner;
        this.lockedBy = text.length() > 255 ? text.substring(0, 255) : text;
    }

    @Override
    public void acquire(Duration wait) {
        table = ensureTable();
        // Ctrl-C (SIGINT/SIGTERM) ends the JVM without unwinding this run: give the lease back on the way out,
        // so that the next run need not wait for it to expire. Registered before the lease can be taken.
        shutdownHook = new Thread(this::releaseOnExit, "marsai-schema lease release");
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            shutdownHook = null; // the JVM is already shutting down
        }
        try {
            Instant deadline = Instant.now().plus(wait);
            while (!tryTake()) {
                if (!Instant.now().isBefore(deadline)) {
                    throw new LockTimeoutException("Another run held the migration lock on database '" + session.schema
                            + "' for longer than the " + wait.toSeconds() + " s allowed: " + holder() + ". Wait for it"
                            + " to finish and retry, or raise the wait, lockWait (CLI: --lock-wait).");
                }
                sleep(pause(Instant.now(), deadline));
            }
            held = true;
            renewed = Instant.now();
            startRenewing();
        } catch (RuntimeException e) {
            removeShutdownHook();
            throw e;
        }
    }

    private Thread shutdownHook;

    /**
     * Gives the lease back if the row names this run, on a connection of its own (the run's own may be busy in
     * another thread), and says so; the run's thread stops before its next changeset.
     */
    private void releaseOnExit() {
        lost = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        try (Session own = Connector.open(session.settings())) {
            if (update(own.connection, "UPDATE `" + table + "` SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL"
                    + " WHERE ID = 1 AND LOCKEDBY = ?", lockedBy) == 1) {
                Log.LOG.warn("marsai-schema: interrupted while holding the migration lock on {}: gave the lease back",
                        session.where());
                System.err.println("marsai-schema: interrupted; the migration lock (lease) on " + session.where()
                        + " was given back. A changeset under way may be left half done: the next run completes it.");
            }
        } catch (RuntimeException | SQLException e) {
            // the lease expires by itself 30 s after its last renewal
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs or has run
            }
        }
    }

    @Override
    public boolean isHeld() {
        return held && !lost;
    }

    /**
     * The lease row still names this run: renewed in the caller's transaction, so that the row is locked until it
     * commits (no taker on this node can change it meanwhile) and is part of its write set (a taker through
     * another node of a cluster fails certification against it, or this transaction does and is tried again).
     */
    @Override
    public boolean fence(Connection connection) throws SQLException {
        if (!held || lost) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE `" + table + "` SET LOCKGRANTED ="
                + " UTC_TIMESTAMP() WHERE ID = 1 AND LOCKED = 1 AND LOCKEDBY = ?")) {
            statement.setString(1, lockedBy);
            boolean ours = statement.executeUpdate() == 1;
            if (!ours) {
                lost = true;
                Log.LOG.error("marsai-schema: the migration lock on {} was taken over by another run: this run writes"
                        + " nothing more", session.where());
            }
            return ours;
        }
    }

    @Override
    public void release() {
        if (!held) {
            return;
        }
        held = false;
        if (timer != null) {
            timer.shutdownNow();
        }
        removeShutdownHook();
        // The renewing connection is the likelier one to be alive if the run's own connection broke.
        boolean released = false;
        for (Session target : new Session[] {renewer, session}) {
            if (!released && target != null) {
                try {
                    update(target.connection, "UPDATE `" + table + "` SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL"
                            + " WHERE ID = 1 AND LOCKEDBY = ?", lockedBy);
                    released = true;
                } catch (SQLException e) {
                    // try the other connection; else the lease expires by itself
                }
            }
        }
        if (renewer != null) {
            renewer.close();
        }
    }

    @Override
    public String owner() {
        return lockedBy;
    }

    @Override
    public String description() {
        return "a lease in " + (table != null ? table : session.tables().lock().orElse("DATABASECHANGELOGLOCK"))
                + " (" + topology.description() + "; renewed every " + RENEWAL.toSeconds()
                + " s, taken over after " + LEASE.toSeconds() + " s without renewal)";
    }

    /**
     * Liquibase's lock table, created as Liquibase creates it if this database has none yet (but {@code IF NOT
     * EXISTS}: runs on several nodes may create it at once, and Group Replication's appliers must find every
     * replicated statement applicable), with its row 1.
     */
    private String ensureTable() {
        if (session.tables().lock().isEmpty()) {
            try (Statement statement = session.connection.createStatement()) {
                for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(new CreateDatabaseChangeLogLockTableStatement(),
                        LiquibaseDatabase.of(session))) {
                    statement.execute(sql.toSql().replaceFirst("^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "));
                }
            } catch (SQLException e) {
                throw failure(e, "create Liquibase's lock table DATABASECHANGELOGLOCK");
            }
            session.refreshTables();
        }
        String name = session.tables().lock().orElseThrow(() -> Failures.of(new SQLException("DATABASECHANGELOGLOCK"
                + " could not be created"), session.where(), "create Liquibase's lock table DATABASECHANGELOGLOCK"));
        try (Statement statement = session.connection.createStatement()) {
            statement.executeUpdate("INSERT IGNORE INTO `" + name + "` (ID, LOCKED) VALUES (1, 0)");
            commit(session.connection);
        } catch (SQLException e) {
            if (!ServerErrors.certificationConflict(e)) {
                throw failure(e, "prepare the lock row in " + name);
            }
        }
        return name;
    }

    /** One attempt: the row is free, or holds a lease of this library's that was not renewed in time. */
    private boolean tryTake() {
        try {
            return update(session.connection, "UPDATE `" + table + "` SET LOCKED = 1, LOCKGRANTED = UTC_TIMESTAMP(),"
                    + " LOCKEDBY = ? WHERE ID = 1 AND (LOCKED = 0 OR (LOCKEDBY LIKE 'marsai-schema lease %' AND "
                    + expired("LOCKGRANTED") + "))", lockedBy) == 1;
        } catch (SQLException e) {
            if (ServerErrors.certificationConflict(e)) {
                return false;
            }
            throw failure(e, "take the migration lock in " + table);
        }
    }

    /**
     * The SQL condition that a lease granted at {@code granted} has expired: last renewed more than the lease
     * ago, or renewed "in the future" by more than the lease (a node whose clock ran ahead, or a row written by
     * hand), which no live holder can keep renewing there.
     */
    static String expired(String granted) {
        return "(" + granted + " < UTC_TIMESTAMP() - INTERVAL " + LEASE.toSeconds() + " SECOND OR " + granted
                + " > UTC_TIMESTAMP() + INTERVAL " + LEASE.toSeconds() + " SECOND)";
    }

    /** How long a waiting run pauses before its next attempt: one poll, or what is left until its deadline. */
    static Duration pause(Instant now, Instant deadline) {
        Duration left = Duration.between(now, deadline);
        return left.compareTo(POLL) < 0 ? left : POLL;
    }

    /**
     * Whether a run whose renewals fail since {@code lastRenewed} must count the lease lost: by its next attempt
     * the lease would have expired, and another run may have taken it over.
     */
    static boolean renewalOverdue(Instant lastRenewed, Instant now) {
        return Duration.between(lastRenewed, now).compareTo(LEASE.minus(RENEWAL)) >= 0;
    }

    /** Who holds the lock now, for the message of a caller that waited in vain. */
    private String holder() {
        try (PreparedStatement statement = session.connection.prepareStatement("SELECT LOCKEDBY, LOCKGRANTED,"
                + " TIMESTAMPDIFF(SECOND, LOCKGRANTED, UTC_TIMESTAMP()) FROM `" + table + "` WHERE ID = 1 AND LOCKED <> 0");
             ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return "the holder has just released it";
            }
            String by = rs.getString(1) == null ? "" : rs.getString(1);
            if (by.startsWith(PREFIX)) {
                return "held by " + by.substring(PREFIX.length()) + ", renewed " + rs.getLong(3) + " s ago (a holder"
                        + " that stops renewing loses it after " + LEASE.toSeconds() + " s)";
            }
            return "Liquibase's lock table " + table + " says '" + by + "' has held it since " + rs.getString(2)
                    + "; if no Liquibase run (Liquibase CLI, Spring Boot) is working on this database now, that lock"
                    + " was left by a killed process: clear it with releaseLocks() (CLI: release-locks)";
        } catch (SQLException e) {
            return "holder unknown";
        }
    }

    private void startRenewing() {
        renewer = Connector.open(session.settings());
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "marsai-schema lease renewal");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::renew, RENEWAL.toMillis(), RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            if (update(renewer.connection, "UPDATE `" + table + "` SET LOCKGRANTED = UTC_TIMESTAMP() WHERE ID = 1"
                    + " AND LOCKED = 1 AND LOCKEDBY = ?", lockedBy) == 1) {
                renewed = Instant.now();
                return;
            }
            lost = true;
            Log.LOG.error("marsai-schema: the migration lock on {} was taken over by another run: this run stops"
                    + " before its next changeset", session.where());
        } catch (SQLException e) {
            if (renewalOverdue(renewed, Instant.now())) {
                lost = true;
                Log.LOG.error("marsai-schema: the migration lock on {} could not be renewed for {} s ({}): this"
                        + " run stops before its next changeset", session.where(), LEASE.toSeconds(), e.getMessage());
            }
        }
    }

    /** A failure to write the lock row; on a read-only member of a group, naming the member that takes writes. */
    private RuntimeException failure(SQLException e, String action) {
        if (ServerErrors.readOnly(e) && topology.kind() == Topology.Kind.GROUP_REPLICATION) {
            try (Statement statement = session.connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT MEMBER_HOST, MEMBER_PORT FROM"
                         + " performance_schema.replication_group_members WHERE MEMBER_ROLE = 'PRIMARY'")) {
                if (rs.next()) {
                    return new MarsSchemaException(ErrorCode.UNEXPECTED,
                            session.where() + " is read-only: it is a secondary of a single-primary Group Replication"
                                    + " group, whose primary is " + rs.getString(1) + ":" + rs.getInt(2)
                                    + "; connect to the primary to migrate.", e);
                }
            } catch (SQLException ignored) {
                // the general message below
            }
        }
        return Failures.of(e, session.where(), action);
    }

    private static int update(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            int rows = statement.executeUpdate();
            commit(connection);
            return rows;
        }
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("Interrupted while waiting for the migration lock.");
        }
    }
}
