package org.marsai.schema;

/** How a changeset was recorded in the database's history (Liquibase's {@code EXECTYPE}). */
public enum ExecType {
    /** The change ran. */
    EXECUTED,
    /** The change was already there, so it was recorded as run without running (migrations 15, 16, 18, 20). */
    MARK_RAN,
    /** The change ran again (a run-on-change changeset). */
    RERAN,
    /** The change failed and was recorded as failed. */
    FAILED,
    /** The change was skipped. */
    SKIPPED
}
