package org.marsai.schema;

import java.util.List;

/**
 * The differences between a database and the schema it should have.
 *
 * @param database    the database compared
 * @param reference   what it was compared with: the changelog at the changesets the database has applied,
 *                    or another database
 * @param differences every difference, table by table; empty when there is no drift
 */
public record SchemaDiff(String database, String reference, List<Difference> differences) {

    public SchemaDiff {
        differences = List.copyOf(differences);
    }

    public boolean hasDrift() {
        return !differences.isEmpty();
    }
}
