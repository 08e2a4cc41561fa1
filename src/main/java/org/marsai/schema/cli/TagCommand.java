package org.marsai.schema.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "tag", description = "Tag the last applied changeset, to roll back to it later.")
final class TagCommand extends BaseCommand {

    @Parameters(paramLabel = "NAME", description = "The tag.")
    String tag;

    @Override
    int execute() {
        schema().tag(tag);
        out().println("Tagged the last applied changeset '" + tag + "'.");
        return ExitCodes.OK;
    }
}
