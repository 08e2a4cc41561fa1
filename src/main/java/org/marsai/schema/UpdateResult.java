package org.marsai.schema;

import java.util.List;
import java.util.stream.Stream;

/**
 * What an update did.
 *
 * @param executed   the changesets that ran, in order
 * @param markedRan  the changesets recorded as run without running, because their change was already
 *                   there (the conditional migrations 15, 16, 18 and 20)
 * @param adopted    the changesets recorded as applied because the original tool's {@code SequelizeMeta}
 *                   lists their migrations and the schema has them (no DDL ran for them)
 */
public record UpdateResult(List<ChangeSetInfo> executed, List<ChangeSetInfo> markedRan,
                           List<ChangeSetInfo> adopted) {

    public UpdateResult {
        executed = List.copyOf(executed);
        markedRan = List.copyOf(markedRan);
        adopted = List.copyOf(adopted);
    }

    /** True when the database was already up to date (or up to the target) and nothing was recorded. */
    public boolean nothingToDo() {
        return executed.isEmpty() && markedRan.isEmpty() && adopted.isEmpty();
    }

    /** The migrations this update applied or recorded, sorted by name (those adopted not included). */
    public List<String> migrations() {
        return Stream.concat(executed.stream(), markedRan.stream())
                .map(ChangeSetInfo::migration).distinct().sorted().toList();
    }

    /** A summary (the lists can hold dozens of changesets): counts and the migrations. */
    @Override
    public String toString() {
        return "UpdateResult[executed=" + executed.size() + " changeset(s), markedRan=" + markedRan.size()
                + ", adopted=" + adopted.size() + ", migrations=" + migrations() + "]";
    }
}
