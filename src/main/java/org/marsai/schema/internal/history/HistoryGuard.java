package org.marsai.schema.internal.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.ValidationResult;
import org.marsai.schema.ValidationResult.Problem;

/**
 * What makes it unsafe to change a database with this version: changesets a newer version ran there, and
 * changesets edited after they ran. Read from the history alone, without Liquibase.
 *
 * <p>Changesets of a newer version are tolerated by an update (it has nothing to do and leaves them alone) when
 * every changeset this version knows is applied, unless the settings say to refuse them. Nothing that would
 * undo or judge them (a rollback, a repair, a diff) goes ahead: this version does not know what they did.
 */
public final class HistoryGuard {

    private static final int NAMED = 5;

    private HistoryGuard() {
    }

    /** Refuses, with every problem, unless this version may update the database. */
    public static void requireSafe(History history, boolean refuseNewer) {
        new ValidationResult(problems(history, refuseNewer)).orThrow();
    }

    /** Refuses, with every problem, unless this version may undo changesets there: never with a newer version's. */
    public static void requireUndoable(History history) {
        List<Problem> problems = new ArrayList<>(problems(history, false).stream()
                .filter(p -> p.code() != ErrorCode.DATABASE_NEWER_THAN_LIBRARY).toList());
        if (!history.unknown().isEmpty()) {
            problems.add(0, new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, held(history) + ": a newer version"
                    + " migrated it, and this one cannot roll back changesets it does not know, nor those under them."
                    + " Roll back with the version that applied them (or a later one): it knows how to undo them."));
        }
        new ValidationResult(problems).orThrow();
    }

    /** Refuses if a newer version ran there: comparing the schema needs a version that knows every changeset. */
    public static void requireKnown(History history, String operation) {
        if (!history.unknown().isEmpty()) {
            new ValidationResult(List.of(new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, held(history)
                    + ": a newer version migrated it, and " + operation + " needs to know what every applied changeset"
                    + " made. Run " + operation + " with the version that applied them (or a later one).")))
                    .orThrow();
        }
    }

    /**
     * The changesets of a newer version this version leaves alone: those its history holds when every changeset
     * this version knows is applied; empty when there are none or when they are not tolerated.
     */
    public static List<History.Row> tolerated(History history, boolean refuseNewer) {
        return refuseNewer || !history.pending(Optional.empty()).isEmpty() ? List.of() : history.unknown();
    }

    public static List<Problem> problems(History history, boolean refuseNewer) {
        List<Problem> problems = new ArrayList<>();
        List<History.Row> unknown = history.unknown();
        if (!unknown.isEmpty()) {
            List<ChangeSetInfo> pending = history.pending(Optional.empty());
            if (!pending.isEmpty()) {
                problems.add(new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, held(history) + ", yet "
                        + pending.size() + " changeset(s) this version knows are not applied there (the first: "
                        + pending.get(0).id() + "): a newer version migrated it, and not over this version's"
                        + " changesets. Use the version that migrated it or a later one; this one will neither"
                        + " update nor roll it back."));
            } else if (refuseNewer) {
                problems.add(new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, held(history) + ": a newer version"
                        + " migrated it, and refuseNewerChangesets is set. Use that version or a later one, or let this"
                        + " one start without changing anything: unset refuseNewerChangesets (CLI"
                        + " --refuse-newer-changesets, Spring marsai.schema.refuse-newer-changesets)."));
            }
        }
        List<ChangeSetInfo> gaps = history.gaps();
        if (!gaps.isEmpty()) {
            ChangeSetInfo first = gaps.get(0);
            problems.add(new Problem(ErrorCode.HISTORY_DAMAGED, "The history of this database does not record "
                    + gaps.size() + " changeset(s) although later ones are recorded (the first: " + first.id()
                    + " of migration " + first.migration() + "): a history row was deleted or lost. Run `repair`"
                    + " (API repairHistory()): it records them after checking that the schema has their changes;"
                    + " `diff` shows the schema against the history."));
        }
        for (History.Row row : history.rows()) {
            Optional<ChangeSetInfo> known = history.changeSet(row);
            if (known.isEmpty() || row.checksum() == null || !row.checksum().startsWith("9:")) {
                continue;
            }
            String current = history.changelog().checksumOf(known.get());
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
    public static String held(History history) {
        List<History.Row> unknown = history.unknown();
        return "This database's history holds " + unknown.size() + " changeset(s) this version of marsai-schema"
                + " does not know (" + ids(unknown) + ")";
    }

    /** The ids of the rows, with their file, the first few. */
    public static String ids(List<History.Row> rows) {
        List<String> named = rows.stream().limit(NAMED).map(r -> r.id() + " of " + r.fileName()).toList();
        return String.join(", ", named) + (rows.size() > NAMED ? ", and " + (rows.size() - NAMED) + " more" : "");
    }
}
