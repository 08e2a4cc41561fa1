package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "update-sql",
        description = {"Print the SQL an update would run, with its history rows, for review and for running by hand.",
                "Without a configured database: the complete script for an empty database (MySQL 8 syntax)."})
final class UpdateSqlCommand extends BaseCommand {

    @Option(names = "--to", paramLabel = "NAME", description = "Stop after this migration.")
    String to;

    @Option(names = "--consolidated-install", description = "For an empty database: the schema as the changesets leave"
            + " it, one CREATE TABLE per table, then their history rows in one statement.")
    boolean consolidatedInstall;

    @Override
    int execute() {
        MarsSchema schema = schema(true);
        if (consolidatedInstall) {
            out().print(to == null ? schema.consolidatedInstallSql() : schema.consolidatedInstallSqlTo(to));
            out().flush();
            return ExitCodes.OK;
        }
        out().print(to == null ? schema.updateSql() : schema.updateSqlTo(to));
        out().flush();
        return ExitCodes.OK;
    }
}
