package org.marsai.schema.internal.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.ExecType;
import org.marsai.schema.HistoryEntry;
import org.marsai.schema.MigrationState;
import org.marsai.schema.StatusResult;
import org.marsai.schema.ValidationResult.Problem;
import org.marsai.schema.ValidationResult;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.jdbc.SessionSettings;
import org.marsai.schema.internal.liquibase.Changelog;

/**
 * One reading of this library's rows of Liquibase's history table, with plain JDBC (read-only, no table
 * created, no lock taken), seen through the changelog: what is applied, what is pending. Rows of other
 * changelogs sharing the table (a host application's own) are left out. Read once per operation and
 * passed on.
 *
 * <p>It also says what makes it unsafe to change the database with this version: changesets a newer version ran
 * there, and changesets edited after they ran. Changesets of a newer version are tolerated by an update (it has
 * nothing to do and leaves them alone) when every changeset this version knows is applied, unless the settings
 * say to refuse them. Nothing that would undo or judge them (a rollback, a repair, a diff) goes ahead: this
 * version does not know what they did.
 */
public final class History {

    /** One row as recorded; {@code recordedExecType} is the EXECTYPE text, {@link #execType()} its meaning. */
    public record Row(String id, String author, String fileName, Instant executedAt, int orderExecuted,
               String recordedExecType, String checksum, String tag, String deploymentId) {

        public HistoryEntry toEntry() {
            return new HistoryEntry(Changelog.migrationOf(fileName), id, author, executedAt, orderExecuted,
                    execType(), Optional.ofNullable(tag), deploymentId, checksum);
        }

        public ExecType execType() {
            if (recordedExecType != null) {
                try {
                    return ExecType.valueOf(recordedExecType.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ignored) {
                    // An exec type of a newer Liquibase: report it as executed.
                }
            }
            return ExecType.EXECUTED;
        }
    }

    /** The row written while a run changes the schema; left behind only by an interrupted run. */
    static final String MARKER_ID = "marsai-schema-run-in-progress";
    static final String MARKER_FILE = Changelog.LOGICAL_PREFIX + "run-in-progress";
    /** How many unknown changesets a message names. */
    private static final int NAMED = 5;

    private final Changelog changelog;
    private final List<Row> rows;
    /** Who left the marker of an interrupted run ({@code null}: no run was interrupted). */
    private final String interruptedRun;

    private History(Changelog changelog, List<Row> rows, String interruptedRun) {
        this.changelog = changelog;
        this.rows = List.copyOf(rows);
        this.interruptedRun = interruptedRun;
    }

    /** The history as it is now: one query (the session knows the table's name). */
    public static History read(Session session, Changelog changelog) {
        Optional<String> table = session.tables().history();
        if (table.isEmpty()) {
            return new History(changelog, List.of(), null);
        }
        try {
            return read(session.connection, changelog, table.get());
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "read the migration history (" + table.get() + ")");
        }
    }

    private static History read(Connection connection, Changelog changelog, String table) throws SQLException {
        List<Row> rows = new ArrayList<>();
        String interrupted = null;
        try (PreparedStatement statement = connection.prepareStatement("SELECT ID, AUTHOR, FILENAME, DATEEXECUTED,"
                + " ORDEREXECUTED, EXECTYPE, MD5SUM, TAG, DEPLOYMENT_ID, COMMENTS FROM `"
                        + table + "` WHERE FILENAME LIKE ? ORDER BY ORDEREXECUTED")) {
            statement.setString(1, Changelog.LOGICAL_PREFIX + "%");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (MARKER_FILE.equals(rs.getString(3))) {
                        interrupted = rs.getString(10) == null ? "" : rs.getString(10);
                        continue;
                    }
                    // Written by the server's NOW() in the session's UTC (SessionSettings): read as UTC, whatever
                    // the JVM's zone.
                    LocalDateTime executed = rs.getObject(4, LocalDateTime.class);
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            executed == null ? Instant.EPOCH : executed.toInstant(ZoneOffset.UTC), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return ordered(changelog, rows, interrupted);
    }

    /** The history these rows make, read against {@code changelog}, without an interrupted run. */
    public static History of(Changelog changelog, List<Row> rows) {
        return ordered(changelog, rows, null);
    }

    private static History ordered(Changelog changelog, List<Row> rows, String interrupted) {
        // The order they ran is ORDEREXECUTED, never the time: a server's time_zone change or a DST fall-back
        // between two deployments must not reorder them. Rows with the same order keep changelog order.
        History history = new History(changelog, rows, interrupted);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(Row::orderExecuted).thenComparingInt(history::indexOf));
        return new History(changelog, sorted, interrupted);
    }

    /** The changelog this history is read against. */
    public Changelog changelog() {
        return changelog;
    }

    /** This library's rows, in the order they ran. */
    public List<Row> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether an interrupted run left its marker. */
    public boolean interrupted() {
        return interruptedRun != null;
    }

    /** What the interrupted run's marker says of it (who ran what), or an empty text. */
    public String interruptedRun() {
        return interruptedRun == null ? "" : interruptedRun;
    }

    /** The same history without the given rows, which were just removed from the table. */
    public History without(List<Row> removed) {
        List<Row> kept = new ArrayList<>(rows);
        kept.removeAll(removed);
        return new History(changelog, kept, interruptedRun);
    }

    /** The same history, its marker removed. */
    public History markerCleared() {
        return new History(changelog, rows, null);
    }

    /** The changeset a row records, if this version knows it. */
    public Optional<ChangeSetInfo> changeSet(Row row) {
        return changelog.find(row.fileName(), row.author(), row.id());
    }

    /** The position of a row's changeset in the changelog, or -1 for a changeset this version does not know. */
    public int indexOf(Row row) {
        return changeSet(row).map(changelog::indexOf).orElse(-1);
    }

    /** The rows of changesets this version knows. */
    public List<Row> known() {
        return rows.stream().filter(r -> indexOf(r) >= 0).toList();
    }

    /** The rows of changesets this version does not know: a newer version ran there. */
    public List<Row> unknown() {
        return rows.stream().filter(r -> indexOf(r) < 0).toList();
    }

    /** The applied changesets this version knows, in changelog order. */
    public List<ChangeSetInfo> applied() {
        return rows.stream().map(this::changeSet).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(changelog::indexOf)).toList();
    }

    /**
     * Changesets not recorded although later ones are: a history row deleted or lost. Never the result of
     * this library's own runs, which apply and undo in changelog order.
     */
    public List<ChangeSetInfo> gaps() {
        List<ChangeSetInfo> applied = applied();
        if (applied.isEmpty()) {
            return List.of();
        }
        int last = changelog.indexOf(applied.get(applied.size() - 1));
        Set<ChangeSetInfo> recorded = new HashSet<>(applied);
        return changelog.changeSets().subList(0, last).stream().filter(c -> !recorded.contains(c)).toList();
    }

    /** The changesets not applied yet, in changelog order; up to and including {@code migration}'s, if given. */
    public List<ChangeSetInfo> pending(Optional<String> migration) {
        Set<ChangeSetInfo> applied = new HashSet<>(applied());
        return changelog.upTo(changelog.changeSets().stream().filter(c -> !applied.contains(c)).toList(), migration);
    }

    /** The status of this history, with what would stop an update ({@link #problems}'s findings and others). */
    public StatusResult status(List<ValidationResult.Problem> problems) {
        List<HistoryEntry> appliedEntries = new ArrayList<>();
        List<HistoryEntry> unknownEntries = new ArrayList<>();
        for (Row row : rows) {
            (changeSet(row).isPresent() ? appliedEntries : unknownEntries).add(row.toEntry());
        }
        Set<ChangeSetInfo> applied = new HashSet<>(applied());
        List<MigrationState> migrations = new ArrayList<>();
        for (String name : changelog.migrations()) {
            List<ChangeSetInfo> changeSets = changelog.changeSetsOf(name);
            long done = changeSets.stream().filter(applied::contains).count();
            MigrationState.State state = done == changeSets.size() ? MigrationState.State.APPLIED
                    : done == 0 ? MigrationState.State.PENDING : MigrationState.State.PARTIALLY_APPLIED;
            migrations.add(new MigrationState(name, state));
        }
        return new StatusResult(migrations, appliedEntries, pending(Optional.empty()), unknownEntries, problems);
    }

    /** Refuses, with every problem, unless this version may update the database. */
    public void requireSafe(boolean refuseNewer) {
        new ValidationResult(problems(refuseNewer)).orThrow();
    }

    /** Refuses, with every problem, unless this version may undo changesets there: never with a newer version's. */
    public void requireUndoable() {
        List<Problem> problems = new ArrayList<>(problems(false).stream()
                .filter(p -> p.code() != ErrorCode.DATABASE_NEWER_THAN_LIBRARY).toList());
        if (!unknown().isEmpty()) {
            problems.add(0, new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, held() + ": a newer version"
                    + " migrated it, and this one cannot roll back changesets it does not know, nor those under them."
                    + " Roll back with the version that applied them (or a later one): it knows how to undo them."));
        }
        new ValidationResult(problems).orThrow();
    }

    /** Refuses if a newer version ran there: comparing the schema needs a version that knows every changeset. */
    public void requireKnown(String operation) {
        if (!unknown().isEmpty()) {
            new ValidationResult(List.of(new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, held()
                    + ": a newer version migrated it, and " + operation + " needs to know what every applied changeset"
                    + " made. Run " + operation + " with the version that applied them (or a later one).")))
                    .orThrow();
        }
    }

    /**
     * The changesets of a newer version this version leaves alone: those its history holds when every changeset
     * this version knows is applied; empty when there are none or when they are not tolerated.
     */
    public List<History.Row> tolerated(boolean refuseNewer) {
        return refuseNewer || !pending(Optional.empty()).isEmpty() ? List.of() : unknown();
    }

    public List<Problem> problems(boolean refuseNewer) {
        List<Problem> problems = new ArrayList<>();
        List<History.Row> unknown = unknown();
        if (!unknown.isEmpty()) {
            List<ChangeSetInfo> pending = pending(Optional.empty());
            if (!pending.isEmpty()) {
                problems.add(new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, held() + ", yet "
                        + pending.size() + " changeset(s) this version knows are not applied there (the first: "
                        + pending.get(0).id() + "): a newer version migrated it, and not over this version's"
                        + " changesets. Use the version that migrated it or a later one; this one will neither"
                        + " update nor roll it back."));
            } else if (refuseNewer) {
                problems.add(new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, held() + ": a newer version"
                        + " migrated it, and refuseNewerChangesets is set. Use that version or a later one, or let this"
                        + " one start without changing anything: unset refuseNewerChangesets (CLI"
                        + " --refuse-newer-changesets, Spring marsai.schema.refuse-newer-changesets)."));
            }
        }
        List<ChangeSetInfo> gaps = gaps();
        if (!gaps.isEmpty()) {
            ChangeSetInfo first = gaps.get(0);
            problems.add(new Problem(ErrorCode.HISTORY_DAMAGED, "The history of this database does not record "
                    + gaps.size() + " changeset(s) although later ones are recorded (the first: " + first.id()
                    + " of migration " + first.migration() + "): a history row was deleted or lost. Run `repair`"
                    + " (API repairHistory()): it records them after checking that the schema has their changes;"
                    + " `diff` shows the schema against the history."));
        }
        for (History.Row row : rows()) {
            Optional<ChangeSetInfo> known = changeSet(row);
            if (known.isEmpty() || row.checksum() == null || !row.checksum().startsWith("9:")) {
                continue;
            }
            String current = changelog.checksumOf(known.get());
            if (!row.checksum().equals(current)) {
                problems.add(new Problem(ErrorCode.CHECKSUM_MISMATCH, "Changeset " + row.id() + " of migration "
                        + known.get().migration() + " differs from the one this database ran (recorded checksum "
                        + row.checksum() + ", this changelog " + current + "): released changesets must not be"
                        + " edited. Use a jar whose changelog is intact; make new changes in new changesets."));
            }
        }
        return problems;
    }

    /** "This database's history holds N changeset(s) this version … does not know (a, b, …)". */
    public String held() {
        List<History.Row> unknown = unknown();
        return "This database's history holds " + unknown.size() + " changeset(s) this version of marsai-schema"
                + " does not know (" + ids(unknown) + ")";
    }

    /** The ids of the rows, with their file, the first few. */
    public static String ids(List<History.Row> rows) {
        List<String> named = rows.stream().limit(NAMED).map(r -> r.id() + " of " + r.fileName()).toList();
        return String.join(", ", named) + (rows.size() > NAMED ? ", and " + (rows.size() - NAMED) + " more" : "");
    }
}
