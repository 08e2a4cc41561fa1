package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import org.marsai.schema.RollbackTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "db:migrate:undo:all",
        description = "As sequelize-cli: undo every migration, or with --to NAME those from NAME on (NAME is undone too).")
final class DbMigrateUndoAllCommand extends BaseCommand {

    @picocli.CommandLine.Mixin
    LockWaitOption lockWait;

    @Override
    LockWaitOption lockWait() {
        return lockWait;
    }

    @Option(names = "--to", paramLabel = "NAME", description = "Undo back to and including this migration.")
    String to;

    @Mixin
    DataLossOption dataLoss;

    @Override
    int execute() {
        MarsSchema schema = dataLoss.apply(configure(false)).load();
        Render.rollback(out(), schema.rollback(to == null ? RollbackTarget.all() : RollbackTarget.throughMigration(to)));
        return ExitCodes.OK;
    }
}
