package org.marsai.schema.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.HistoryEntry;
import org.marsai.schema.RollbackResult;
import org.marsai.schema.UpdateResult;

/** Text and JSON output shared by the commands. */
final class Render {

    /**
     * JSON shapes are built as maps here, so they stay stable when the Java records change. Made on first use:
     * starting Jackson costs a command line a tenth of a second, which text output need not pay.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private Render() {
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "1 changeset", "3 changesets". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static void update(PrintWriter out, UpdateResult result) {
        if (result.nothingToDo()) {
            out.println("Nothing to apply: the database is up to date.");
            return;
        }
        if (!result.adopted().isEmpty()) {
            out.println("  Adopted from sequelize-cli: " + result.adopted().size()
                    + " changeset(s) recorded as applied without running them.");
        }
        changeSets(out, "applied", result.executed());
        changeSets(out, "recorded (already present)", result.markedRan());
        List<String> migrations = result.migrations();
        if (migrations.isEmpty()) {
            return;
        }
        out.println("Applied " + result.executed().size() + " changeset(s) and recorded " + result.markedRan().size()
                + " as already present, in " + migrations.size() + " migration(s) up to "
                + migrations.get(migrations.size() - 1) + ".");
    }

    static void rollback(PrintWriter out, RollbackResult result) {
        if (result.nothingToDo()) {
            out.println("Nothing to roll back.");
            return;
        }
        changeSets(out, "undone", result.rolledBack());
        List<String> migrations = result.migrations();
        out.println("Undid " + result.rolledBack().size() + " changeset(s) of " + migrations.size()
                + " migration(s), down to and including " + migrations.get(migrations.size() - 1) + ".");
    }

    private static void changeSets(PrintWriter out, String verb, List<ChangeSetInfo> changeSets) {
        for (ChangeSetInfo c : changeSets) {
            out.println("  " + verb + "  " + c.migration() + "  " + c.id());
        }
    }

    /** A history entry's JSON shape, shared by {@code history} and {@code status}. */
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
