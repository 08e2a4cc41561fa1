package org.marsai.schema.cli;

import org.marsai.schema.MigrationState;
import org.marsai.schema.StatusResult;
import picocli.CommandLine.Command;

@Command(name = "db:migrate:status", description = "As sequelize-cli: 'up' or 'down' for each migration file.")
final class DbMigrateStatusCommand extends BaseCommand {

    @Override
    int execute() {
        StatusResult status = schema().status();
        for (MigrationState migration : status.migrations()) {
            // A partially applied migration is not 'up': sequelize-cli would run it again.
            out().println((migration.isApplied() ? "up   " : "down ") + migration.name() + ".cjs");
        }
        return ExitCodes.OK;
    }
}
