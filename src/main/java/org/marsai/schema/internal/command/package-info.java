/**
 * Not API. The operations the facade runs, one class per user verb ({@code UpdateOperation},
 * {@code RollbackOperation}, {@code PreviewOperation}, {@code InstallSqlOperation}, {@code StatusOperation},
 * {@code HistoryOperation}, {@code DiffOperation}, {@code ValidateOperation}, {@code AdoptOperation},
 * {@code RepairOperation}, {@code TagOperation}, {@code ReleaseLocksOperation}), each made from the {@code Context}
 * the facade loads; the {@code Runner} opens a session and holds the migration lock around them, and
 * {@code ConsolidatedInstall} is the update of an empty database. An operation tells the story; the rooms below
 * decide and do.
 */
package org.marsai.schema.internal.command;
