package org.marsai.schema.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.marsai.schema.HistoryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", description = "List the applied changesets in the order they ran.")
final class HistoryCommand extends BaseCommand {

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    StatusCommand.Format format;

    @Override
    int execute() {
        List<HistoryEntry> history = schema().history();
        if (format == StatusCommand.Format.json) {
            Render.json(out(), history.stream().map(HistoryCommand::json).toList());
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

    static Map<String, Object> json(HistoryEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("migration", e.migration());
        json.put("id", e.id());
        json.put("author", e.author());
        json.put("executedAt", e.executedAt().toString());
        json.put("orderExecuted", e.orderExecuted());
        json.put("execType", e.execType().name());
        json.put("tag", e.tag().orElse(null));
        json.put("deploymentId", e.deploymentId());
        json.put("checksum", e.checksum());
        return json;
    }
}
