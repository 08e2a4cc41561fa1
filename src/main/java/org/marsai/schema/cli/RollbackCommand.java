package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollback", description = "Undo the last --count N migrations, or every migration after --to NAME.")
final class RollbackCommand extends BaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--count", paramLabel = "N", description = "Undo the last N applied migrations.")
        Integer count;

        @Option(names = "--to", paramLabel = "NAME", description = "Undo every migration after NAME; NAME stays applied.")
        String to;
    }

    @Option(names = "--allow-data-loss",
            description = "Roll back even if that drops tables or columns holding data or removes ENUM values in use.")
    boolean allowDataLoss;

    @Override
    int execute() {
        MarsSchema schema = allowDataLoss ? schema().withDataLossAllowed() : schema();
        Render.rollback(out(), target.count != null ? schema.rollback(target.count) : schema.rollbackTo(target.to));
        return ExitCodes.OK;
    }
}
