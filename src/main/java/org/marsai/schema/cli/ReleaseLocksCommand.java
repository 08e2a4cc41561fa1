package org.marsai.schema.cli;

import java.util.List;

import picocli.CommandLine.Command;

@Command(name = "release-locks", description = {"Clear a lock left in Liquibase's DATABASECHANGELOGLOCK by a killed",
        "older tool. (This tool's own lock needs no clearing: it ends with its connection.)"})
final class ReleaseLocksCommand extends BaseCommand {

    @Override
    int execute() {
        List<String> released = schema().releaseLocks();
        if (released.isEmpty()) {
            out().println("No lock was held.");
        }
        released.forEach(out()::println);
        return ExitCodes.OK;
    }
}
