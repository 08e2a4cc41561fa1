package org.marsai.schema.internal.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.marsai.schema.AdoptionPlan;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.Difference;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.history.HistoryTable;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.model.SchemaComparator;
import org.marsai.schema.internal.model.SchemaModel;

/**
 * Adoption of a database the original sequelize-cli migrations built: {@code SequelizeMeta} must list a
 * prefix of our migrations and the schema must be exactly what those imply; then their changesets are
 * recorded as applied without running them. Also keeps {@code SequelizeMeta} in step with the history
 * while it exists. Used by the adopt operation and by every update that finds such a database.
 */
public final class Adoption {

    private final Session session;
    private final Changelog changelog;
    private final Optional<String> sequelizeMeta;

    public Adoption(Session session, Changelog changelog) {
        this.session = session;
        this.changelog = changelog;
        this.sequelizeMeta = session.tables().sequelizeMeta();
    }

    /** The database's {@code SequelizeMeta} table, if the original tool migrated it. */
    public Optional<String> sequelizeMeta() {
        return sequelizeMeta;
    }

    /** Throws {@code ADOPTION_REFUSED}, naming every problem and difference, unless the plan can go ahead. */
    public static void refuseUnlessPossible(AdoptionPlan plan) {
        if (!plan.canAdopt()) {
            String differences = plan.differences().isEmpty() ? "" : " Differences: " + String.join("; ",
                    plan.differences().stream().map(Difference::message).toList()) + ".";
            throw new MarsSchemaException(ErrorCode.ADOPTION_REFUSED, "Cannot adopt this database from"
                    + " sequelize-cli, nothing was changed: " + String.join(" ", plan.problems()) + differences);
        }
    }

    /** The plan for this database, whose {@code SequelizeMeta} is {@code table}. */
    public AdoptionPlan plan(String table) {
        List<String> recorded = Sequelize.names(session.connection, table).stream().map(Sequelize::migration).toList();
        List<String> ours = changelog.migrations();
        List<String> problems = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<String> retired = recorded.stream().filter(Sequelize.RETIRED::contains).toList();
        if (!retired.isEmpty()) {
            findings.add("SequelizeMeta lists " + String.join(", ", retired) + ", which the Node project has since"
                    + " deleted: not a migration to adopt; the schema decides.");
        }
        List<String> listed = recorded.stream().filter(m -> !Sequelize.RETIRED.contains(m)).toList();
        List<String> unknown = listed.stream().filter(m -> !ours.contains(m)).toList();
        if (!unknown.isEmpty()) {
            problems.add("SequelizeMeta lists " + String.join(", ", unknown) + ", which this version does not know (a"
                    + " migration the Node project added after these " + ours.size() + "?): add it to the changelog in a"
                    + " new version first, or keep using sequelize-cli for now.");
        }
        // Every migration of the Node project up to the last one listed; ours alone are judged by the schema.
        int last = listed.stream().mapToInt(ours::indexOf).max().orElse(-1);
        List<String> prefix = ours.subList(0, last + 1);
        List<String> gaps = prefix.stream().filter(m -> !listed.contains(m) && !Sequelize.OURS_ONLY.contains(m)).toList();
        if (unknown.isEmpty() && !gaps.isEmpty()) {
            problems.add("SequelizeMeta lists " + ours.get(last) + " but not " + gaps.get(0)
                    + ", which comes before it: the original migrations ran out of order or one was undone by hand;"
                    + " apply or undo it with sequelize-cli so that the list has no gap, then retry.");
        }
        List<ChangeSetInfo> toRecord = new ArrayList<>();
        List<Difference> differences = List.of();
        if (problems.isEmpty()) {
            prefix.forEach(m -> toRecord.addAll(changelog.changeSetsOf(m)));
            SchemaModel live = LiveSchema.read(session);
            differences = SchemaComparator.compare(changelog.expectedSchema(toRecord), live);
            // A migration of ours right after them may be there already: the Node project's own files made it.
            List<ChangeSetInfo> extended = new ArrayList<>(toRecord);
            for (String next : ours.subList(last + 1, ours.size())) {
                if (differences.isEmpty() || !Sequelize.OURS_ONLY.contains(next)) {
                    break;
                }
                extended.addAll(changelog.changeSetsOf(next));
                if (SchemaComparator.compare(changelog.expectedSchema(extended), live).isEmpty()) {
                    toRecord.clear();
                    toRecord.addAll(extended);
                    differences = List.of();
                }
            }
            if (!differences.isEmpty()) {
                problems.add("the schema differs from what the " + listed.size() + " migration(s) SequelizeMeta lists"
                        + " imply, so that list cannot be trusted; bring the schema in line (see `diff`) and retry.");
            }
            toRecord.stream().map(ChangeSetInfo::migration).filter(Sequelize.OURS_ONLY::contains).distinct()
                    .forEach(m -> findings.add("The database already has what " + m + " makes (the Node project's"
                            + " own files made it): recorded as already present."));
        }
        List<ChangeSetInfo> remaining = changelog.changeSets().stream().filter(c -> !toRecord.contains(c)).toList();
        return new AdoptionPlan(recorded, problems.isEmpty() ? toRecord : List.of(), remaining, differences, problems,
                problems.isEmpty() ? findings : List.of());
    }

    /**
     * Records a checked plan's changesets as applied without running them. A conditional changeset whose
     * change the migrations before it never made (migration 15 drops a column a database built as
     * specified never had) is recorded MARK_RAN, so that its rollback adds nothing back.
     */
    public void record(HistoryTable historyTable, LiquibaseCommands liquibase, AdoptionPlan plan) {
        List<ChangeSetInfo> toRecord = plan.changeSetsToRecord();
        if (!toRecord.isEmpty()) {
            liquibase.changelogSync(toRecord.get(toRecord.size() - 1));
            List<ChangeSetInfo> present = new ArrayList<>(changelog.alreadyPresent(new SchemaModel(Map.of()), toRecord));
            toRecord.stream().filter(c -> Sequelize.OURS_ONLY.contains(c.migration()) && !present.contains(c))
                    .forEach(present::add);
            historyTable.recordAsMarkRan(present);
        }
        plan.findings().forEach(f -> Log.LOG.info("marsai-schema: adopting {}: {}", session.where(), f));
        Log.LOG.info("marsai-schema: adopted {} from sequelize-cli: {} migration(s), {} changeset(s) recorded"
                + " without running", session.where(), plan.sequelizeMigrations().size(), toRecord.size());
    }

    /** Adopts as a step of its own: records a checked plan's changesets while the run-in-progress marker is set. */
    public void adopt(LiquibaseCommands liquibase, AdoptionPlan plan) {
        HistoryTable historyTable = HistoryTable.ensure(session);
        historyTable.mark("adoption");
        record(historyTable, liquibase, plan);
        historyTable.clearMarker();
    }

    /**
     * Makes {@code SequelizeMeta}, where it exists, list exactly the migrations all of whose changesets are
     * applied, so that sequelize-cli still tells the truth if a team switches back for a while.
     */
    public void syncSequelizeMeta(Collection<ChangeSetInfo> applied) {
        sequelizeMeta.ifPresent(table -> Sequelize.sync(session.connection, table, changelog.migrations(),
                changelog.completeMigrations(applied)));
    }

    /** The same, after the run failed: a second failure (the connection is gone) is kept with the first, not instead of it. */
    public void syncSequelizeMetaAfterFailure(Collection<ChangeSetInfo> applied, RuntimeException failure) {
        if (sequelizeMeta.isEmpty() || Failures.connectionLost(failure)) {
            return;
        }
        try {
            syncSequelizeMeta(applied);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
