package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "update", aliases = "db:migrate",
        description = "Apply every pending migration, or those up to and including --to NAME. Alias: db:migrate.")
final class UpdateCommand extends BaseCommand {

    @picocli.CommandLine.Mixin
    LockWaitOption lockWait;

    @Override
    LockWaitOption lockWait() {
        return lockWait;
    }

    @Option(names = "--to", paramLabel = "NAME", description = "Stop after this migration (it is applied).")
    String to;

    @Mixin
    DataLossOption dataLoss;

    @Option(names = "--no-consolidated-install", description = "On an empty database too, run the changesets one by one"
            + " instead of creating the schema as they leave it and recording their history in one statement.")
    boolean noConsolidatedInstall;

    @Override
    int execute() {
        MarsSchema schema = dataLoss.apply(configure(false)).consolidatedInstall(!noConsolidatedInstall).load();
        Render.update(out(), to == null ? schema.update() : schema.updateTo(to));
        return ExitCodes.OK;
    }
}
