package org.marsai.schema;

import java.util.List;
import java.util.Optional;

/**
 * What a database has applied and what is pending.
 *
 * @param migrations every MarsAI migration, in order, with its state in this database
 * @param applied    the changesets applied, in the order they ran
 * @param pending    the changesets not yet applied, in the order they will run
 * @param unknown    applied changesets this version does not know (a newer version ran there); an update leaves
 *                   them alone unless {@link MarsSchema.Builder#refuseNewerChangesets(boolean)} is set
 * @param problems   why {@link MarsSchema#update()} would refuse to touch this database as it is (a newer
 *                   version ran there and refusing it is configured, a changeset was edited after it ran, …),
 *                   each naming the fix; empty when an update may go ahead
 */
public record StatusResult(List<MigrationState> migrations, List<HistoryEntry> applied,
                           List<ChangeSetInfo> pending, List<HistoryEntry> unknown,
                           List<ValidationResult.Problem> problems) {

    public StatusResult {
        migrations = List.copyOf(migrations);
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        unknown = List.copyOf(unknown);
        problems = List.copyOf(problems);
    }

    /** True when nothing is pending and an update would find nothing wrong. */
    public boolean isUpToDate() {
        return pending.isEmpty() && problems.isEmpty();
    }

    /** False when {@link MarsSchema#update()} would refuse: see {@link #problems()}. */
    public boolean canUpdate() {
        return problems.isEmpty();
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

    /** A summary (the lists can hold dozens of entries): counts, the current migration and the problems' codes. */
    @Override
    public String toString() {
        return "StatusResult[migrations=" + migrations.size() + ", applied=" + applied.size() + " changeset(s), pending="
                + pending.size() + ", unknown=" + unknown.size() + ", current=" + currentMigration().orElse("none")
                + ", problems=" + problems.stream().map(p -> p.code().name()).toList() + "]";
    }
}
