package org.marsai.schema.cli;

import java.util.List;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "db:migrate:undo:all",
        description = "As sequelize-cli: undo every migration, or with --to NAME those from NAME on (NAME is undone too).")
final class DbMigrateUndoAllCommand extends BaseCommand {

    @Option(names = "--to", paramLabel = "NAME", description = "Undo back to and including this migration.")
    String to;

    @Mixin
    DataLossOption dataLoss;

    @Override
    int execute() {
        MarsSchema schema = dataLoss.apply(schema());
        if (to == null) {
            Render.rollback(out(), schema.rollbackAll());
            return ExitCodes.OK;
        }
        List<String> migrations = schema.migrations();
        String name = migrations.stream().filter(m -> m.equals(to) || (m + ".cjs").equals(to)).findFirst()
                .orElse(to);
        int index = migrations.indexOf(name);
        if (index == 0) {
            Render.rollback(out(), schema.rollbackAll());
        } else if (index > 0) {
            Render.rollback(out(), schema.rollbackTo(migrations.get(index - 1)));
        } else {
            schema.rollbackTo(to); // fails with the unknown-migration message
        }
        return ExitCodes.OK;
    }
}
