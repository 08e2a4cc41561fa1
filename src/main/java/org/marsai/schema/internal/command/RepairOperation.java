package org.marsai.schema.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.Difference;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.RepairResult;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.history.HistoryTable;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.plan.Drift;
import org.marsai.schema.internal.plan.Recovery;

/**
 * Repairs a history that lost rows: a changeset not recorded although later ones are (a row deleted by hand,
 * a restore that missed some), or the whole history gone from a database whose MarsAI tables are there. It
 * records those changesets again, in their place in the history, but only after checking that the schema is
 * exactly what the history with them implies; otherwise it refuses and says how the schema differs. It never
 * runs DDL.
 */
public final class RepairOperation {

    private final Context context;

    public RepairOperation(Context context) {
        this.context = context;
    }

    public RepairResult repair() {
        Changelog changelog = context.changelog;
        return context.runner.underLock("repair of the history", true, session -> {
            LiquibaseCommands liquibase = LiquibaseCommands.on(session);
            Recovery recovery = new Recovery(session, changelog, liquibase);
            History history = recovery.recovered();
            history.requireKnown("repair");
            if (history.isEmpty() && session.tables().sequelizeMeta().isEmpty()) {
                return recordLostHistory(session, changelog, liquibase);
            }
            List<ChangeSetInfo> gaps = history.gaps();
            if (gaps.isEmpty()) {
                return recordRanOrReorder(session, changelog, history, recovery);
            }
            List<ChangeSetInfo> implied = new ArrayList<>(history.applied());
            implied.addAll(gaps);
            List<Difference> differences = new Drift(session, changelog).from(implied);
            if (!differences.isEmpty()) {
                throw new MarsSchemaException(ErrorCode.HISTORY_DAMAGED, "Cannot repair the history of "
                        + session.where() + ": the schema is not what the history with the " + gaps.size()
                        + " unrecorded changeset(s) implies (" + String.join("; ", differences.stream().limit(5)
                        .map(Difference::message).toList()) + (differences.size() > 5 ? "; …" : "") + "), so"
                        + " recording them would not tell the truth. Bring the schema in line (see `diff`), then"
                        + " run repair again; nothing was changed.");
            }
            HistoryTable table = HistoryTable.ensure(session);
            table.mark("repair of the history");
            liquibase.changelogSync(gaps.get(gaps.size() - 1));
            table.recordAsMarkRan(changelog.alreadyPresentAmong(implied, gaps));
            for (ChangeSetInfo gap : gaps) {
                table.placeInOrder(gap, History.read(session, changelog));
            }
            table.clearMarker();
            Log.LOG.info("marsai-schema: repair of the history of {} done: {} missing row(s) recorded again: {}",
                    session.where(), gaps.size(), gaps.stream().map(ChangeSetInfo::id).toList());
            return new RepairResult(gaps);
        });
    }

    /**
     * A history without gaps: changesets whose change the schema shows though no row records it (a DBA's script
     * stopped after a DDL statement, before its row) are recorded; rows out of changelog order (a repair cut
     * off between recording a row and putting it in its place) are put in their place.
     */
    private static RepairResult recordRanOrReorder(Session session, Changelog changelog, History history,
                                                   Recovery recovery) {
        Optional<List<ChangeSetInfo>> ran = recovery.ranUnrecorded(history);
        List<History.Row> misplaced = misplaced(history);
        if (ran.isEmpty() && misplaced.isEmpty()) {
            return new RepairResult(List.of());
        }
        HistoryTable table = HistoryTable.ensure(session);
        table.mark("repair of the history");
        for (History.Row row : misplaced) {
            table.placeInOrder(history.changeSet(row).orElseThrow(), History.read(session, changelog));
        }
        ran.ifPresent(changeSets -> recovery.recordRan(table, history, changeSets));
        table.clearMarker();
        List<ChangeSetInfo> recorded = ran.orElse(List.of());
        Log.LOG.info("marsai-schema: repair of the history of {} done: {} changeset(s) the schema shows recorded {},"
                + " {} row(s) put in changelog order", session.where(), recorded.size(),
                recorded.stream().map(ChangeSetInfo::id).toList(), misplaced.size());
        return new RepairResult(recorded);
    }

    /** Known rows recorded after a row of a later changeset, in the order they ran. */
    private static List<History.Row> misplaced(History history) {
        List<History.Row> misplaced = new ArrayList<>();
        int highest = -1;
        for (History.Row row : history.known()) {
            int index = history.indexOf(row);
            if (index < highest) {
                misplaced.add(row);
            } else {
                highest = index;
            }
        }
        return misplaced;
    }

    /** A database with MarsAI tables and no history: the longest run of changesets from the first that the schema is exactly. */
    private static RepairResult recordLostHistory(Session session, Changelog changelog, LiquibaseCommands liquibase) {
        Drift drift = new Drift(session, changelog);
        if (drift.holdsNoTable()) {
            return new RepairResult(List.of());
        }
        List<ChangeSetInfo> recorded = drift.longestRunFromFirst();
        if (recorded.isEmpty()) {
            throw new MarsSchemaException(ErrorCode.HISTORY_DAMAGED, session.where() + " holds tables but no"
                    + " marsai-schema history, and its schema is not what any run of the migrations from the first"
                    + " builds, so there is nothing true to record (see `diff`). Restore DATABASECHANGELOG from a"
                    + " backup, or bring the schema in line; nothing was changed.");
        }
        HistoryTable table = HistoryTable.ensure(session);
        table.mark("repair of the history");
        liquibase.changelogSync(recorded.get(recorded.size() - 1));
        table.recordAsMarkRan(changelog.alreadyPresent(recorded));
        table.clearMarker();
        Log.LOG.info("marsai-schema: repair of the history of {} done: the lost history was recorded again, {}"
                + " changeset(s) up to {}", session.where(), recorded.size(), recorded.get(recorded.size() - 1).id());
        return new RepairResult(recorded);
    }
}
