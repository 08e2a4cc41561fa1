package org.marsai.schema.cli;

import org.marsai.schema.AdoptionPlan;
import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "adopt", description = {"Adopt a database the original sequelize-cli migrations built.",
        "Checks that the schema matches what SequelizeMeta lists, then records those migrations as applied",
        "(no DDL runs). update does this by itself; adopt does only this step."})
final class AdoptCommand extends BaseCommand {

    @picocli.CommandLine.Mixin
    LockWaitOption lockWait;

    @Override
    LockWaitOption lockWait() {
        return lockWait;
    }

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Override
    int execute() {
        MarsSchema schema = schema();
        AdoptionPlan plan = dryRun ? schema.adoptionPlan() : schema.adopt();
        out().println("SequelizeMeta lists " + plan.sequelizeMigrations().size() + " migration(s)"
                + (plan.sequelizeMigrations().isEmpty() ? "." : ", up to "
                + plan.sequelizeMigrations().get(plan.sequelizeMigrations().size() - 1) + "."));
        if (!plan.canAdopt()) {
            plan.problems().forEach(p -> err().println("Error: " + p));
            plan.differences().forEach(d -> err().println("  " + d.message()));
            return ExitCodes.FAILED;
        }
        plan.findings().forEach(f -> out().println(f));
        out().println((dryRun ? "Would record " : "Recorded ") + plan.changeSetsToRecord().size()
                + " changeset(s) as applied without running them; " + plan.remaining().size()
                + " changeset(s) remain for update." + (dryRun ? " Nothing was changed." : ""));
        return ExitCodes.OK;
    }
}
