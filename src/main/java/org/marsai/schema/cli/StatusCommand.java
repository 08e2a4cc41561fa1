package org.marsai.schema.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.HistoryEntry;
import org.marsai.schema.MigrationState;
import org.marsai.schema.StatusResult;
import org.marsai.schema.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", description = "Show each migration as applied or pending, and whether update may go ahead.")
final class StatusCommand extends BaseCommand {

    @Option(names = "--exit-code",
            description = "Exit with 3 when something is pending, with 5 when update would refuse (see the problems).")
    boolean exitCode;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    int execute() {
        StatusResult status = schema().status();
        String database = database();
        if (format == Format.json) {
            Render.json(out(), json(status, database));
        } else {
            out().println("Database: " + database);
            for (MigrationState migration : status.migrations()) {
                out().println(String.format("  %-9s %s", label(migration.state()), migration.name()));
            }
            for (HistoryEntry unknown : status.unknown()) {
                out().println("  unknown   " + unknown.migration() + " (" + unknown.id() + "): applied by a newer version");
            }
            for (ValidationResult.Problem problem : status.problems()) {
                out().println("  problem   " + problem.message());
            }
            out().println(summary(status));
        }
        if (!exitCode) {
            return ExitCodes.OK;
        }
        return !status.canUpdate() ? ExitCodes.NEEDS_ATTENTION
                : !status.pending().isEmpty() ? ExitCodes.PENDING : ExitCodes.OK;
    }

    static String summary(StatusResult status) {
        long applied = status.migrations().stream().filter(MigrationState::isApplied).count();
        String summary = status.pending().isEmpty()
                ? (status.isUpToDate() ? "Up to date: all " : "All ") + applied + " migrations applied."
                : applied + " of " + status.migrations().size() + " migrations applied; "
                        + Render.count(status.pendingMigrations().size(), "migration") + " pending ("
                        + Render.count(status.pending().size(), "changeset") + ").";
        if (status.canUpdate() && !status.unknown().isEmpty()) {
            return summary + " " + Render.count(status.unknown().size(), "changeset") + " of a newer version applied"
                    + " there (unknown, above): update leaves them alone.";
        }
        return status.canUpdate() ? summary : summary + " Update would refuse: "
                + Render.count(status.problems().size(), "problem") + " to fix first (above).";
    }

    private static String label(MigrationState.State state) {
        return switch (state) {
            case APPLIED -> "applied";
            case PENDING -> "pending";
            case PARTIALLY_APPLIED -> "partial";
        };
    }

    static Map<String, Object> json(StatusResult status, String database) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", database);
        json.put("upToDate", status.isUpToDate());
        json.put("canUpdate", status.canUpdate());
        json.put("migrations", status.migrations().stream().map(m -> Map.of("name", m.name(),
                "state", m.state().name())).toList());
        json.put("pending", changeSets(status.pending()));
        json.put("unknown", status.unknown().stream().map(Render::json).toList());
        json.put("problems", status.problems().stream().map(p -> {
            Map<String, String> problem = new LinkedHashMap<>();
            problem.put("code", p.code().name());
            problem.put("message", p.message());
            return problem;
        }).toList());
        return json;
    }

    private static List<Map<String, String>> changeSets(List<ChangeSetInfo> changeSets) {
        return changeSets.stream().map(c -> Map.of("migration", c.migration(), "id", c.id())).toList();
    }

}
