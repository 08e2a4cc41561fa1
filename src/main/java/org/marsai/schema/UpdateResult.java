package org.marsai.schema;

import java.util.List;

/**
 * What an update did.
 *
 * @param executed  the changesets that ran, in order
 * @param markedRan the changesets recorded as run without running, because their change was already
 *                  there (the conditional migrations 15, 16, 18 and 20)
 */
public record UpdateResult(List<ChangeSetInfo> executed, List<ChangeSetInfo> markedRan) {

    public UpdateResult {
        executed = List.copyOf(executed);
        markedRan = List.copyOf(markedRan);
    }

    /** True when the database was already up to date (or up to the target) and nothing was recorded. */
    public boolean nothingToDo() {
        return executed.isEmpty() && markedRan.isEmpty();
    }

    /** The migrations this update touched, in order. */
    public List<String> migrations() {
        return java.util.stream.Stream.concat(executed.stream(), markedRan.stream())
                .map(ChangeSetInfo::migration).distinct().sorted().toList();
    }
}
