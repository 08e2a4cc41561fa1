package org.marsai.schema;

import java.util.List;

/**
 * What a rollback undid.
 *
 * @param rolledBack the changesets undone, in the order they were undone (newest first)
 */
public record RollbackResult(List<ChangeSetInfo> rolledBack) {

    public RollbackResult {
        rolledBack = List.copyOf(rolledBack);
    }

    public boolean nothingToDo() {
        return rolledBack.isEmpty();
    }

    /** The migrations this rollback touched, newest first. */
    public List<String> migrations() {
        return rolledBack.stream().map(ChangeSetInfo::migration).distinct().toList();
    }

    /** A summary (the list can hold dozens of changesets): the count and the migrations. */
    @Override
    public String toString() {
        return "RollbackResult[rolledBack=" + rolledBack.size() + " changeset(s), migrations=" + migrations() + "]";
    }
}
