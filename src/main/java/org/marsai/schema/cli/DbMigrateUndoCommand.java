package org.marsai.schema.cli;

import picocli.CommandLine.Command;

@Command(name = "db:migrate:undo", description = "As sequelize-cli: undo the most recent migration.")
final class DbMigrateUndoCommand extends BaseCommand {

    @Override
    int execute() {
        Render.rollback(out(), schema().rollback(1));
        return ExitCodes.OK;
    }
}
