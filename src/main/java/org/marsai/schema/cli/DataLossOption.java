package org.marsai.schema.cli;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Option;

/** {@code --allow-data-loss}, shared by the commands that roll back. */
final class DataLossOption {

    @Option(names = "--allow-data-loss",
            description = "Roll back even if that drops tables or columns holding data or removes ENUM values in use.")
    boolean allowed;

    MarsSchema.Builder apply(MarsSchema.Builder builder) {
        return builder.allowDataLoss(allowed);
    }
}
