/**
 * Not API. The operations the facade runs, one class per verb ({@code UpdateOperation}, {@code RollbackOperation},
 * {@code PreviewOperation}, {@code InspectOperation}, {@code AdoptOperation}, {@code RepairOperation},
 * {@code TagOperation}, {@code ReleaseLocksOperation}), each made from the {@code Context} the facade loads; the
 * {@code Runner} opens a session and holds the migration lock around them. An operation tells the story; the
 * rooms below decide and do.
 */
package org.marsai.schema.internal.command;
