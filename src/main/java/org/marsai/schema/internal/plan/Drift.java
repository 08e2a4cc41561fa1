package org.marsai.schema.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.Difference;
import org.marsai.schema.SchemaDiff;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.model.SchemaComparator;
import org.marsai.schema.internal.model.SchemaModel;
import org.marsai.schema.internal.model.SchemaReader;

/** How the live schema of the database behind a session differs from what the changelog says it should be. */
public final class Drift {

    private final Session session;
    private final Changelog changelog;

    public Drift(Session session, Changelog changelog) {
        this.session = session;
        this.changelog = changelog;
    }

    /** The live schema against the one the changesets imply. */
    public List<Difference> from(List<ChangeSetInfo> changeSets) {
        return SchemaComparator.compare(changelog.expectedSchema(changeSets), LiveSchema.read(session));
    }

    /** Whether the database holds none of the MarsAI tables. */
    public boolean holdsNoTable() {
        return LiveSchema.read(session).tables().isEmpty();
    }

    /** The longest run of changesets from the first whose schema the live one is exactly; empty when none is. */
    public List<ChangeSetInfo> longestRunFromFirst() {
        SchemaModel live = LiveSchema.read(session);
        SchemaModel model = new SchemaModel(Map.of());
        int matched = 0;
        List<ChangeSetInfo> all = changelog.changeSets();
        for (int i = 0; i < all.size(); i++) {
            model = changelog.after(model, all.get(i));
            if (SchemaComparator.compare(model, live).isEmpty()) {
                matched = i + 1;
            }
        }
        return all.subList(0, matched);
    }

    /**
     * The live schema against the changelog at the changesets the history records. A changeset whose row is
     * missing although later ones are recorded: the later ones build on it, so the schema is expected with it,
     * and the missing row is itself a difference.
     */
    public SchemaDiff of(History history) {
        List<ChangeSetInfo> applied = history.applied();
        List<ChangeSetInfo> gaps = history.gaps();
        List<ChangeSetInfo> implied = new ArrayList<>(applied);
        implied.addAll(gaps);
        String collation = SchemaReader.defaultCollation(session);
        SchemaModel expected = changelog.expectedSchema(implied)
                .withCollation(collation.startsWith("utf8mb4_") ? collation : "utf8mb4");
        List<Difference> differences = new ArrayList<>();
        gaps.forEach(gap -> differences.add(new Difference(Difference.Kind.HISTORY_ROW_MISSING,
                "DATABASECHANGELOG", gap.id(), "recorded (migration " + gap.migration() + ")", "")));
        differences.addAll(SchemaComparator.compare(expected, LiveSchema.read(session)));
        return new SchemaDiff(session.where(), describe(applied), differences, LiveSchema.notManaged(session));
    }

    /** The live schema, as the reference of another database's diff ({@link #against}). */
    public SchemaModel live() {
        return LiveSchema.read(session);
    }

    /** The live schema against another database's, {@code reference} read from {@code where}. */
    public SchemaDiff against(String where, SchemaModel reference) {
        return new SchemaDiff(session.where(), "the database " + where,
                SchemaComparator.compare(reference, LiveSchema.read(session)), LiveSchema.notManaged(session));
    }

    private static String describe(List<ChangeSetInfo> applied) {
        if (applied.isEmpty()) {
            return "the changelog with nothing applied (no MarsAI table)";
        }
        return "the changelog at its " + applied.size() + " applied changeset(s), up to "
                + applied.get(applied.size() - 1).migration();
    }
}
