package org.marsai.schema.cli;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.RepairResult;
import picocli.CommandLine.Command;

@Command(name = "repair", description = {"Record again history rows the database lost, after checking the schema has"
        + " their changes.", "A changeset not recorded although later ones are, or a whole history dropped from a"
        + " database whose tables are there; runs no DDL and refuses, naming the differences, when the schema"
        + " does not match."})
final class RepairCommand extends BaseCommand {

    @picocli.CommandLine.Mixin
    LockWaitOption lockWait;

    @Override
    LockWaitOption lockWait() {
        return lockWait;
    }

    @Override
    int execute() {
        RepairResult result = schema().repair();
        if (result.nothingToDo()) {
            out().println("Nothing to repair: the history records every changeset the schema has.");
            return ExitCodes.OK;
        }
        for (ChangeSetInfo changeSet : result.recorded()) {
            out().println("  recorded  " + changeSet.migration() + "  " + changeSet.id());
        }
        out().println("Recorded " + result.recorded().size() + " changeset(s) again; the history and the schema agree.");
        return ExitCodes.OK;
    }
}
