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

    @Override
    int execute() {
        if (!connection.configured(main.cli.settings())) {
            // without a database: the script the build packaged, when it stands for what Liquibase would write
            java.util.Optional<String> packaged = PackagedScript.updateSql(java.util.Optional.ofNullable(to),
                    main.cli.environment);
            if (packaged.isPresent()) {
                out().print(packaged.get());
                out().flush();
                return ExitCodes.OK;
            }
        }
        MarsSchema schema = schema(true);
        out().print(to == null ? schema.updateSql() : schema.updateSqlTo(to));
        out().flush();
        return ExitCodes.OK;
    }
}
