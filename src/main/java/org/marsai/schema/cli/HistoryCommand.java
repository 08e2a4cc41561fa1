package org.marsai.schema.cli;

import java.util.List;

import org.marsai.schema.HistoryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", description = "List the applied changesets in the order they ran.")
final class HistoryCommand extends BaseCommand {

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    int execute() {
        List<HistoryEntry> history = schema().history();
        if (format == Format.json) {
            Render.json(out(), history.stream().map(Render::json).toList());
            return ExitCodes.OK;
        }
        if (history.isEmpty()) {
            out().println("Nothing applied yet.");
        }
        for (HistoryEntry e : history) {
            out().println(String.format("%4d  %s  %-8s  %s  %s%s", e.orderExecuted(), e.executedAt(), e.execType(),
                    e.migration(), e.id(), e.tag().map(t -> "  [tag " + t + "]").orElse("")));
        }
        return ExitCodes.OK;
    }
}
