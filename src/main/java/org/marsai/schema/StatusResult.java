package org.marsai.schema;

import java.util.List;
import java.util.Optional;

/**
 * What a database has applied and what is pending.
 *
 * @param migrations every MarsAI migration, in order, with its state in this database
 * @param applied    the changesets applied, in the order they ran
 * @param pending    the changesets not yet applied, in the order they will run
 * @param unknown    applied changesets this version does not know (a newer version ran there)
 */
public record StatusResult(List<MigrationState> migrations, List<HistoryEntry> applied,
                           List<ChangeSetInfo> pending, List<HistoryEntry> unknown) {

    public StatusResult {
        migrations = List.copyOf(migrations);
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        unknown = List.copyOf(unknown);
    }

    /** True when nothing is pending. */
    public boolean isUpToDate() {
        return pending.isEmpty();
    }

    /** The names of the migrations with at least one pending changeset, in order. */
    public List<String> pendingMigrations() {
        return migrations.stream().filter(m -> !m.isApplied()).map(MigrationState::name).toList();
    }

    /** The last migration, in changelog order, whose changesets are all applied. */
    public Optional<String> currentMigration() {
        String current = null;
        for (MigrationState migration : migrations) {
            if (!migration.isApplied()) {
                break;
            }
            current = migration.name();
        }
        return Optional.ofNullable(current);
    }
}
