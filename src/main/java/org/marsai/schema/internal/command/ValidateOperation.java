package org.marsai.schema.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.marsai.schema.ValidationResult;
import org.marsai.schema.ValidationResult.Problem;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.plan.ClusterRules;
import org.marsai.schema.internal.plan.Preflight;

/** The changelog's own checks, and with a database, that its history matches this version; changes nothing. */
public final class ValidateOperation {

    private final Context context;

    public ValidateOperation(Context context) {
        this.context = context;
    }

    public ValidationResult validate() {
        if (!context.settings.hasDatabase()) {
            return context.runner.offline(() -> LiquibaseCommands.offline(
                    offline -> new ValidationResult(offline.changelogProblems())));
        }
        return context.runner.withLiquibase(session -> {
            List<Problem> problems = new ArrayList<>(Preflight.problemsOfUpdate(session, context.changelog,
                    context.settings));
            problems.addAll(LiquibaseCommands.on(session).changelogProblems());
            return new ValidationResult(problems, ClusterRules.warnings(session));
        });
    }
}
