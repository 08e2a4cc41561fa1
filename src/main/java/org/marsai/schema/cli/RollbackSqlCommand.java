package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollback-sql", description = "Print the SQL a rollback would run; the database is not changed.")
final class RollbackSqlCommand extends BaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    RollbackCommand.Target target;

    @Override
    int execute() {
        MarsSchema schema = schema();
        out().print(target.count != null ? schema.rollbackSql(target.count) : schema.rollbackSqlTo(target.to));
        out().flush();
        return ExitCodes.OK;
    }
}
