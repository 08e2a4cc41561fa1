package org.marsai.schema.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollback-sql", description = "Print the SQL a rollback would run; the database is not changed.")
final class RollbackSqlCommand extends BaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    RollbackCommand.Target target;

    @Override
    void validate() {
        target.validate();
    }

    @Override
    int execute() {
        out().print(schema().rollbackSql(target.target()));
        out().flush();
        return ExitCodes.OK;
    }
}
