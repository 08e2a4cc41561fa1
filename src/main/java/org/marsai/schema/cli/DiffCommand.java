package org.marsai.schema.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.marsai.schema.Difference;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.SchemaDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "diff", description = {"Compare the database's schema with what the changelog implies; exit 4 if they differ.",
        "The changelog's schema is the one for the changesets the database has applied; with --reference-url, the",
        "reference is another database's schema instead."})
final class DiffCommand extends BaseCommand {

    @Option(names = "--reference-url", paramLabel = "JDBC_URL",
            description = "Compare with this database instead of the changelog.")
    String referenceUrl;

    @Option(names = "--reference-username", paramLabel = "USER", description = "User for --reference-url.")
    String referenceUsername;

    @Option(names = "--reference-password", paramLabel = "PASSWORD", arity = "0..1",
            fallbackValue = ConnectionOptions.ASK, description = "Password for --reference-url; without a value, prompted.")
    String referencePassword;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    int execute() {
        MarsSchema schema = schema();
        SchemaDiff diff;
        if (referenceUrl == null) {
            diff = schema.diff();
        } else {
            if (ConnectionOptions.ASK.equals(referencePassword)) {
                referencePassword = asked("--reference-password");
            }
            top.console.addSecret(referencePassword);
            diff = schema.diffAgainst(MarsSchema.configure().url(referenceUrl).username(referenceUsername)
                    .password(referencePassword).connectTimeout(Duration.ofSeconds(connection.connectTimeoutSeconds))
                    .load());
        }
        if (format == Format.json) {
            Render.json(out(), json(diff));
        } else if (!diff.hasDrift()) {
            out().println("No drift: " + diff.database() + " matches " + diff.reference() + ".");
            notManaged(diff);
        } else {
            out().println(diff.database() + " differs from " + diff.reference() + ":");
            diff.differences().forEach(d -> out().println("  " + d.message()));
            out().println(diff.differences().size() + " difference(s).");
            notManaged(diff);
        }
        return diff.hasDrift() ? ExitCodes.DRIFT : ExitCodes.OK;
    }

    private void notManaged(SchemaDiff diff) {
        if (!diff.notManaged().isEmpty()) {
            out().println("Not managed (the application's own, never drift): " + String.join(", ", diff.notManaged()) + ".");
        }
    }

    static Map<String, Object> json(SchemaDiff diff) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", diff.database());
        json.put("reference", diff.reference());
        json.put("drift", diff.hasDrift());
        json.put("differences", diff.differences().stream().map(DiffCommand::json).toList());
        json.put("notManaged", diff.notManaged());
        return json;
    }

    static Map<String, Object> json(Difference d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", d.kind().name());
        json.put("table", d.table());
        json.put("name", d.name());
        json.put("subject", d.subject());
        json.put("expected", d.expected());
        json.put("actual", d.actual());
        json.put("message", d.message());
        return json;
    }
}
