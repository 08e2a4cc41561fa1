package org.marsai.schema.cli;

import java.util.List;

import picocli.CommandLine.Command;

@Command(name = "release-locks", description = {"Clear a lock a killed older tool left in DATABASECHANGELOGLOCK.",
        "That is Liquibase's lock table; this tool's own lock needs no clearing: it ends with its connection."})
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
