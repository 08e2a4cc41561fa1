package org.marsai.schema.internal;

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
 */
final class HistoryGuard {

    private HistoryGuard() {
    }

    /** Refuses, with every problem, unless this version may change the database. */
    static void requireSafe(History history) {
        new ValidationResult(problems(history)).orThrow();
    }

    /** Refuses if a newer version ran there (an edited changeset does not stop a read). */
    static void requireKnown(History history) {
        new ValidationResult(problems(history).stream()
                .filter(p -> p.code() == ErrorCode.DATABASE_NEWER_THAN_LIBRARY).toList()).orThrow();
    }

    static List<Problem> problems(History history) {
        List<Problem> problems = new ArrayList<>();
        List<History.Row> unknown = history.unknown();
        if (!unknown.isEmpty()) {
            History.Row first = unknown.get(0);
            problems.add(new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, "This database's history holds "
                    + unknown.size() + " changeset(s) this version of marsai-schema does not know (the first: "
                    + first.id() + " of " + first.fileName() + "): a newer version migrated it. Use that version"
                    + " or a later one; this one will neither update nor roll it back."));
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
}
