package org.marsai.schema.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.Difference;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.HistoryEntry;
import org.marsai.schema.SchemaDiff;
import org.marsai.schema.StatusResult;
import org.marsai.schema.ValidationResult;
import org.marsai.schema.ValidationResult.Problem;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.history.HistoryGuard;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.liquibase.LiquibaseScope;
import org.marsai.schema.internal.model.SchemaComparator;
import org.marsai.schema.internal.model.SchemaModel;
import org.marsai.schema.internal.model.SchemaReader;
import org.marsai.schema.internal.plan.ClusterRules;
import org.marsai.schema.internal.plan.Preflight;
import org.marsai.schema.internal.liquibase.LiquibaseDatabase;

/** Status, history, drift and validation: questions about a database, answered without changing it. */
public final class InspectOperation {

    private final Context context;

    public InspectOperation(Context context) {
        this.context = context;
    }

    public StatusResult status() {
        return context.runner.withSession(session -> {
            History history = History.read(session, context.changelog);
            return history.status(Preflight.problemsOfUpdate(session, history, context.settings));
        });
    }

    public List<HistoryEntry> history() {
        return context.runner.withSession(session -> History.read(session, context.changelog).rows()
                .stream().map(History.Row::toEntry).toList());
    }

    /** The live schema against the changelog at the changesets this database has applied. */
    public SchemaDiff diff() {
        return context.runner.withLiquibase(session -> {
            History history = History.read(session, context.changelog);
            HistoryGuard.requireKnown(history, "diff");
            List<ChangeSetInfo> applied = history.applied();
            // A changeset whose row is missing although later ones are recorded: the later ones build on it,
            // so the schema is expected with it, and the missing row is itself a difference.
            List<ChangeSetInfo> gaps = history.gaps();
            List<ChangeSetInfo> implied = new ArrayList<>(applied);
            implied.addAll(gaps);
            String collation = SchemaReader.defaultCollation(session);
            SchemaModel expected = context.changelog.expectedSchema(implied)
                    .withCollation(collation.startsWith("utf8mb4_") ? collation : "utf8mb4");
            List<Difference> differences = new ArrayList<>();
            gaps.forEach(gap -> differences.add(new Difference(Difference.Kind.HISTORY_ROW_MISSING,
                    "DATABASECHANGELOG", gap.id(), "recorded (migration " + gap.migration() + ")", "")));
            differences.addAll(SchemaComparator.compare(expected, LiveSchema.read(session)));
            return new SchemaDiff(session.where(), describe(applied), differences, LiveSchema.notManaged(session));
        });
    }

    /** The live schema against another database's. */
    public SchemaDiff diffAgainst(Context reference) {
        record Side(String where, SchemaModel schema) {
        }
        Side expected = reference.runner.withSession(session -> new Side(session.where(), LiveSchema.read(session)));
        return context.runner.withSession(session -> new SchemaDiff(session.where(), "the database " + expected.where(),
                SchemaComparator.compare(expected.schema(), LiveSchema.read(session)),
                LiveSchema.notManaged(session)));
    }

    /** The changelog's own checks, and with a database, that its history matches this version. */
    public ValidationResult validate() {
        if (!context.settings.hasDatabase()) {
            return LiquibaseScope.call(() -> LiquibaseCommands.offline(
                    database -> new ValidationResult(changelogProblems(database))));
        }
        return context.runner.withLiquibase(session -> {
            History history = History.read(session, context.changelog);
            List<Problem> problems = new ArrayList<>(Preflight.problemsOfUpdate(session, history, context.settings));
            problems.addAll(changelogProblems(LiquibaseDatabase.of(session)));
            return new ValidationResult(problems, ClusterRules.warnings(session, session.topology()));
        });
    }

    /** The changelog's own checks of every change and rollback, against a database's dialect; reads nothing. */
    private static List<Problem> changelogProblems(Database database) {
        List<Problem> problems = new ArrayList<>();
        for (ChangeSet changeSet : Changelog.parse(database).getChangeSets()) {
            List<Change> changes = new ArrayList<>(changeSet.getChanges());
            changes.addAll(changeSet.getRollback().getChanges());
            for (Change change : changes) {
                ValidationErrors errors = change.validate(database);
                if (errors.hasErrors()) {
                    problems.add(new Problem(ErrorCode.VALIDATION_FAILED, "Changeset " + changeSet.getId()
                            + ": " + String.join("; ", errors.getErrorMessages())));
                }
            }
        }
        return problems;
    }

    private static String describe(List<ChangeSetInfo> applied) {
        if (applied.isEmpty()) {
            return "the changelog with nothing applied (no MarsAI table)";
        }
        return "the changelog at its " + applied.size() + " applied changeset(s), up to "
                + applied.get(applied.size() - 1).migration();
    }
}
