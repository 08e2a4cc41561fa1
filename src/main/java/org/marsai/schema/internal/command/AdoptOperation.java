package org.marsai.schema.internal.command;

import java.util.List;
import java.util.Optional;

import org.marsai.schema.AdoptionPlan;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.plan.Adoption;
import org.marsai.schema.internal.plan.Recovery;

/**
 * Adopting a database the original sequelize-cli migrations built, as a step of its own (an update adopts
 * by itself): the plan, which changes nothing, and the adoption, which records and runs no DDL. Refuses,
 * changing nothing, when the database cannot be adopted.
 */
public final class AdoptOperation {

    private final Context context;

    public AdoptOperation(Context context) {
        this.context = context;
    }

    /** What adopting this database would do; changes nothing. */
    public AdoptionPlan plan() {
        return context.runner.withLiquibase(session -> {
            Adoption adoption = new Adoption(session, context.changelog);
            Optional<String> table = adoption.sequelizeMeta();
            Optional<String> refusal = refusal(table, History.read(session, context.changelog));
            return refusal.isPresent() ? refused(refusal.get()) : adoption.plan(table.get());
        });
    }

    /** Adopts this database (records its migrations, runs no DDL), and nothing more. */
    public AdoptionPlan adopt() {
        return context.runner.underLock("adoption from sequelize-cli", true, session -> {
            LiquibaseCommands liquibase = LiquibaseCommands.on(session);
            History history = new Recovery(session, context.changelog, liquibase).recovered();
            Adoption adoption = new Adoption(session, context.changelog);
            Optional<String> table = adoption.sequelizeMeta();
            Optional<String> refusal = refusal(table, history);
            if (refusal.isPresent()) {
                throw new MarsSchemaException(ErrorCode.ADOPTION_REFUSED, refusal.get());
            }
            AdoptionPlan plan = adoption.plan(table.get());
            Adoption.refuseUnlessPossible(plan);
            adoption.adopt(liquibase, plan);
            return plan;
        });
    }

    private static Optional<String> refusal(Optional<String> sequelizeMeta, History history) {
        if (sequelizeMeta.isEmpty()) {
            return Optional.of("This database has no SequelizeMeta table: the original tool never migrated it,"
                    + " so there is nothing to adopt; run update.");
        }
        if (!history.isEmpty()) {
            return Optional.of("This database already has a marsai-schema history: it was adopted already;"
                    + " run update.");
        }
        return Optional.empty();
    }

    private AdoptionPlan refused(String problem) {
        return new AdoptionPlan(List.of(), List.of(), context.changelog.changeSets(), List.of(), List.of(problem));
    }
}
