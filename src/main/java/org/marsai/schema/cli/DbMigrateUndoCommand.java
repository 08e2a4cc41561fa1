package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "db:migrate:undo", description = "As sequelize-cli: undo the most recent migration.")
final class DbMigrateUndoCommand extends BaseCommand {

    @Mixin
    DataLossOption dataLoss;

    @Override
    int execute() {
        MarsSchema schema = dataLoss.apply(schema());
        Render.rollback(out(), schema.rollback(1));
        return ExitCodes.OK;
    }
}
