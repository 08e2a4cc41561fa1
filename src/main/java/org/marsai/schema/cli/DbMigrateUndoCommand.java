package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "db:migrate:undo", description = "As sequelize-cli: undo the most recent migration.")
final class DbMigrateUndoCommand extends BaseCommand {

    @Option(names = "--allow-data-loss",
            description = "Roll back even if that drops tables or columns holding data or removes ENUM values in use.")
    boolean allowDataLoss;

    @Override
    int execute() {
        MarsSchema schema = allowDataLoss ? schema().withDataLossAllowed() : schema();
        Render.rollback(out(), schema.rollback(1));
        return ExitCodes.OK;
    }
}
