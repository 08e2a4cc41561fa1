/**
 * Not API. The operations the facade runs, one class per verb ({@code UpdateOperation}, {@code RollbackOperation},
 * {@code PreviewOperation}, {@code StatusOperation}, {@code HistoryOperation}, {@code DiffOperation},
 * {@code ValidateOperation}, {@code AdoptOperation}, {@code RepairOperation}, {@code TagOperation},
 * {@code ReleaseLocksOperation}), each made from the {@code Context} the facade loads; the {@code Runner} opens a
 * session and holds the migration lock around them. An operation tells the story with collaborators made for its
 * session (the history table, the Liquibase commands, recovery, adoption); the rooms below decide and do.
 */
package org.marsai.schema.internal.command;
