package org.marsai.schema.cli;

import org.marsai.schema.RollbackTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "db:migrate:undo", description = "As sequelize-cli: undo the most recent migration.")
final class DbMigrateUndoCommand extends BaseCommand {

    @picocli.CommandLine.Mixin
    LockWaitOption lockWait;

    @Override
    LockWaitOption lockWait() {
        return lockWait;
    }

    @Mixin
    DataLossOption dataLoss;

    @Override
    int execute() {
        Render.rollback(out(), dataLoss.apply(configure(false)).load().rollback(RollbackTarget.lastMigrations(1)));
        return ExitCodes.OK;
    }
}
