package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "tag", description = "Tag the last applied changeset, to roll back to it later.")
final class TagCommand extends BaseCommand {

    @picocli.CommandLine.Mixin
    LockWaitOption lockWait;

    @Override
    LockWaitOption lockWait() {
        return lockWait;
    }

    @Parameters(paramLabel = "NAME", description = "The tag.")
    String tag;

    /** The history table's TAG column is VARCHAR(255). */
    static final int MAX_TAG_LENGTH = 255;

    @Override
    void validate() {
        if (tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
            throw Usage.error("The tag must be 1 to " + MAX_TAG_LENGTH + " characters, got "
                    + tag.length() + ": give a shorter NAME.");
        }
    }

    @Override
    int execute() {
        MarsSchema schema = schema();
        schema.tag(tag);
        String marked = schema.history().stream().filter(h -> h.tag().filter(tag::equals).isPresent()).findFirst()
                .map(h -> "changeset " + h.id() + " of migration " + h.migration()).orElse("the last applied changeset");
        out().println("Tagged " + marked + " '" + tag + "': `rollback --tag " + tag + "` returns to it.");
        return ExitCodes.OK;
    }
}
