package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Option;

/** {@code --allow-data-loss}, shared by the commands that roll back and by update, which refuses to destroy data too. */
final class DataLossOption {

    @Option(names = "--allow-data-loss",
            description = "Go ahead even if that destroys data: a rollback that drops tables or columns holding data or"
                    + " removes ENUM values in use; an update whose changeset narrows a type or drops a column that holds data.")
    boolean allowed;

    MarsSchema.Builder apply(MarsSchema.Builder builder) {
        return builder.allowDataLoss(allowed);
    }
}
