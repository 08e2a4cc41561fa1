package org.marsai.schema.spring.actuate;

import java.util.List;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.HistoryEntry;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.SchemaDiff;
import org.marsai.schema.StatusResult;

/**
 * What {@code /actuator/marsschema} answers: the status by migration, the history and the drift, with the
 * field names of the command line's {@code status}, {@code history} and {@code diff --format json}.
 *
 * @param status  each migration's state, the pending changesets and those this version does not know
 * @param history the applied changesets, in the order they ran
 * @param diff    the live schema against the changelog; {@code null} when the database holds changesets of a
 *                newer version (see {@code status.unknown}), which this version cannot compare
 */
public record SchemaReport(Status status, List<History> history, Diff diff) {

    public record Status(boolean upToDate, List<Migration> migrations, List<ChangeSet> pending,
                         List<History> unknown) {
    }

    public record Migration(String name, String state) {
    }

    public record ChangeSet(String migration, String id) {
    }

    public record History(String migration, String id, String author, String executedAt, int orderExecuted,
                          String execType, String tag, String deploymentId, String checksum) {
    }

    /** @param notManaged the application's own tables and views, which are never drift */
    public record Diff(String database, String reference, boolean drift, List<Difference> differences,
                       List<String> notManaged) {

        public Diff(String database, String reference, boolean drift, List<Difference> differences) {
            this(database, reference, drift, differences, List.of());
        }
    }

    public record Difference(String kind, String table, String name, String subject, String expected,
                             String actual, String message) {
    }

    /** Reads the database once for each of status, history and (when it can be compared) diff. */
    public static SchemaReport read(MarsSchema schema) {
        StatusResult status = schema.status();
        List<History> history = schema.history().stream().map(SchemaReport::history).toList();
        Diff diff = status.unknown().isEmpty() ? diff(schema.diff()) : null;
        return new SchemaReport(new Status(status.isUpToDate(),
                status.migrations().stream().map(m -> new Migration(m.name(), m.state().name())).toList(),
                status.pending().stream().map(SchemaReport::changeSet).toList(),
                status.unknown().stream().map(SchemaReport::history).toList()), history, diff);
    }

    /** The names of the migrations with a pending changeset, in order. */
    public List<String> pendingMigrations() {
        return status.pending().stream().map(ChangeSet::migration).distinct().toList();
    }

    private static ChangeSet changeSet(ChangeSetInfo changeSet) {
        return new ChangeSet(changeSet.migration(), changeSet.id());
    }

    private static History history(HistoryEntry e) {
        return new History(e.migration(), e.id(), e.author(), e.executedAt().toString(), e.orderExecuted(),
                e.execType().name(), e.tag().orElse(null), e.deploymentId(), e.checksum());
    }

    private static Diff diff(SchemaDiff diff) {
        return new Diff(diff.database(), diff.reference(), diff.hasDrift(), diff.differences().stream()
                .map(d -> new Difference(d.kind().name(), d.table(), d.name(), d.subject(), d.expected(),
                        d.actual(), d.message()))
                .toList(), diff.notManaged());
    }
}
