package org.marsai.schema;

/**
 * One original migration and how much of it a database has applied.
 *
 * @param name  the migration's name, e.g. {@code 20260212150000-add-vote-modification-tracking}
 * @param state whether all, some or none of its changesets are applied
 */
public record MigrationState(String name, State state) {

    public enum State { APPLIED, PARTIALLY_APPLIED, PENDING }

    public boolean isApplied() {
        return state == State.APPLIED;
    }
}
