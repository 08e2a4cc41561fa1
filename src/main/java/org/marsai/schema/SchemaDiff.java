package org.marsai.schema;

import java.util.List;

/**
 * The differences between a database and the schema it should have.
 *
 * @param database    the database compared
 * @param reference   what it was compared with: the changelog at the changesets the database has applied,
 *                    or another database
 * @param differences every difference, table by table; empty when there is no drift
 * @param notManaged  the database's tables and views that are not MarsAI tables (the application's own):
 *                    never compared, never drift, never touched
 */
public record SchemaDiff(String database, String reference, List<Difference> differences, List<String> notManaged) {

    public SchemaDiff {
        differences = List.copyOf(differences);
        notManaged = List.copyOf(notManaged);
    }

    /** A diff that lists no table as not managed. */
    public SchemaDiff(String database, String reference, List<Difference> differences) {
        this(database, reference, differences, List.of());
    }

    /** Whether a MarsAI table differs; the tables in {@link #notManaged()} never count. */
    public boolean hasDrift() {
        return !differences.isEmpty();
    }
}
