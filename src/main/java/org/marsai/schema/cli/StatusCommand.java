package org.marsai.schema.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.HistoryEntry;
import org.marsai.schema.MigrationState;
import org.marsai.schema.StatusResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", description = "Show each migration as applied or pending.")
final class StatusCommand extends BaseCommand {

    @Option(names = "--exit-code", description = "Exit with 3 when something is pending.")
    boolean exitCode;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    int execute() {
        StatusResult status = schema().status();
        if (format == Format.json) {
            Render.json(out(), json(status));
        } else {
            for (MigrationState migration : status.migrations()) {
                out().println(String.format("  %-9s %s", label(migration.state()), migration.name()));
            }
            for (HistoryEntry unknown : status.unknown()) {
                out().println("  unknown   " + unknown.migration() + " (" + unknown.id() + "): applied by a newer version");
            }
            long applied = status.migrations().stream().filter(MigrationState::isApplied).count();
            out().println(status.isUpToDate()
                    ? "Up to date: all " + applied + " migrations applied."
                    : applied + " of " + status.migrations().size() + " migrations applied; "
                            + status.pendingMigrations().size() + " pending (" + status.pending().size() + " changesets).");
        }
        return exitCode && !status.isUpToDate() ? ExitCodes.PENDING : ExitCodes.OK;
    }

    private static String label(MigrationState.State state) {
        return switch (state) {
            case APPLIED -> "applied";
            case PENDING -> "pending";
            case PARTIALLY_APPLIED -> "partial";
        };
    }

    static Map<String, Object> json(StatusResult status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("upToDate", status.isUpToDate());
        json.put("migrations", status.migrations().stream().map(m -> Map.of("name", m.name(),
                "state", m.state().name())).toList());
        json.put("pending", changeSets(status.pending()));
        json.put("unknown", status.unknown().stream().map(Render::json).toList());
        return json;
    }

    private static List<Map<String, String>> changeSets(List<ChangeSetInfo> changeSets) {
        return changeSets.stream().map(c -> Map.of("migration", c.migration(), "id", c.id())).toList();
    }

}
