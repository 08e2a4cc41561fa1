package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import org.marsai.schema.RollbackTarget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rollback", description = "Undo the last --count N migrations, or every migration after --to NAME.")
final class RollbackCommand extends BaseCommand {

    @picocli.CommandLine.Mixin
    LockWaitOption lockWait;

    @Override
    LockWaitOption lockWait() {
        return lockWait;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--count", paramLabel = "N", description = "Undo the last N applied migrations.")
        Integer count;

        @Option(names = "--to", paramLabel = "NAME", description = "Undo every migration after NAME; NAME stays applied.")
        String to;

        void validate() {
            if (count != null && count < 1) {
                throw Usage.error("--count must be at least 1, got " + count + ": give how many of the last"
                        + " applied migrations to undo.");
            }
        }

        RollbackTarget target() {
            return count != null ? RollbackTarget.lastMigrations(count) : RollbackTarget.toMigration(to);
        }
    }

    @Mixin
    DataLossOption dataLoss;

    @Override
    void validate() {
        target.validate();
    }

    @Override
    int execute() {
        MarsSchema schema = dataLoss.apply(configure(false)).load();
        Render.rollback(out(), schema.rollback(target.target()));
        return ExitCodes.OK;
    }
}
