package org.marsai.schema.cli;

import org.marsai.schema.ValidationResult;
import picocli.CommandLine.Command;

@Command(name = "validate",
        description = "Check the changelog and, with a database, that its history matches this version.")
final class ValidateCommand extends BaseCommand {

    @Override
    int execute() {
        ValidationResult result = schema(true).validate();
        if (result.isValid()) {
            out().println("Valid.");
            return ExitCodes.OK;
        }
        result.problems().forEach(p -> err().println("Error: " + p.message()));
        return ExitCodes.FAILED;
    }
}
