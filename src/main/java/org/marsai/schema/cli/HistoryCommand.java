package org.marsai.schema.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.marsai.schema.HistoryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", description = "List the applied changesets in the order they ran.")
final class HistoryCommand extends BaseCommand {

    private static final String ROW = "%5s  %-19s  %-8s  %-MIGRATION_WIDTHs  %s%s";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

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
        out().println("Database: " + database());
        if (history.isEmpty()) {
            out().println("Nothing applied yet.");
            return ExitCodes.OK;
        }
        int width = history.stream().mapToInt(e -> e.migration().length()).max().orElse(0);
        String row = ROW.replace("MIGRATION_WIDTH", Integer.toString(width));
        out().println(String.format(row, "ORDER", "EXECUTED (UTC)", "TYPE", "MIGRATION", "CHANGESET", ""));
        for (HistoryEntry e : history) {
            out().println(String.format(row, e.orderExecuted(), WHEN.format(e.executedAt()), e.execType(),
                    e.migration(), e.id(), e.tag().map(t -> "  [tag " + t + "]").orElse("")));
        }
        return ExitCodes.OK;
    }
}
