package org.marsai.schema.internal.liquibase;

import java.util.List;

import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.model.SchemaModel;
import org.marsai.schema.internal.model.SchemaReader;

/** The MarsAI tables a database holds, read as a model: the tables the packaged changelog manages, no others. */
public final class LiveSchema {

    private LiveSchema() {
    }

    /** The MarsAI tables of the session's database; the application's own tables are left out. */
    public static SchemaModel read(Session session) {
        return SchemaReader.read(session, Changelog.packaged()::manages);
    }

    /** The application's own tables and views: neither MarsAI tables nor bookkeeping. Sorted. */
    public static List<String> notManaged(Session session) {
        return SchemaReader.notManaged(session, Changelog.packaged()::manages);
    }
}
