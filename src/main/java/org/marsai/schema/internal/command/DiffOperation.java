package org.marsai.schema.internal.command;

import org.marsai.schema.SchemaDiff;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.model.SchemaModel;
import org.marsai.schema.internal.plan.Drift;

/** How the live schema differs from the changelog's, or from another database's; changes nothing. */
public final class DiffOperation {

    private final Context context;

    public DiffOperation(Context context) {
        this.context = context;
    }

    /** The live schema against the changelog at the changesets this database has applied. */
    public SchemaDiff diff() {
        return context.runner.withLiquibase(session -> {
            History history = History.read(session, context.changelog);
            history.requireKnown("diff");
            return new Drift(session, context.changelog).of(history);
        });
    }

    /** The live schema against another database's. */
    public SchemaDiff diffAgainst(Context reference) {
        record Side(String where, SchemaModel schema) {
        }
        Side expected = reference.runner.withSession(session -> new Side(session.where(),
                new Drift(session, reference.changelog).live()));
        return context.runner.withSession(session -> new Drift(session, context.changelog)
                .against(expected.where(), expected.schema()));
    }
}
