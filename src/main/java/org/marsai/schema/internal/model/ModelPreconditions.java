package org.marsai.schema.internal.model;

import java.util.Locale;
import java.util.Optional;

import liquibase.precondition.Precondition;
import liquibase.precondition.PreconditionLogic;
import liquibase.precondition.core.AndPrecondition;
import liquibase.precondition.core.ColumnExistsPrecondition;
import liquibase.precondition.core.ForeignKeyExistsPrecondition;
import liquibase.precondition.core.IndexExistsPrecondition;
import liquibase.precondition.core.NotPrecondition;
import liquibase.precondition.core.OrPrecondition;
import liquibase.precondition.core.TableExistsPrecondition;

/**
 * A changeset's preconditions judged against a model of the schema instead of a database: whether a
 * conditional changeset acts (its preconditions hold) or is recorded as already present. Knows the
 * existence checks the changelog uses and {@code not}/{@code and}/{@code or}; anything else is unknown.
 */
public final class ModelPreconditions {

    private ModelPreconditions() {
    }

    /** Whether {@code precondition} holds in {@code schema}; empty when it cannot be judged without a database. */
    public static Optional<Boolean> holds(Precondition precondition, SchemaModel schema) {
        if (precondition instanceof NotPrecondition not) {
            return all(not, schema).map(b -> !b);
        }
        if (precondition instanceof OrPrecondition or) {
            boolean any = false;
            for (Precondition nested : or.getNestedPreconditions()) {
                Optional<Boolean> result = holds(nested, schema);
                if (result.isEmpty()) {
                    return Optional.empty();
                }
                any |= result.get();
            }
            return Optional.of(any);
        }
        if (precondition instanceof AndPrecondition and) { // also the changeset's own container
            return all(and, schema);
        }
        if (precondition instanceof TableExistsPrecondition p) {
            return Optional.of(table(schema, p.getTableName()).isPresent());
        }
        if (precondition instanceof ColumnExistsPrecondition p) {
            return Optional.of(table(schema, p.getTableName()).map(t -> t.columns().stream()
                    .anyMatch(c -> c.name().equalsIgnoreCase(p.getColumnName()))).orElse(false));
        }
        if (precondition instanceof IndexExistsPrecondition p && p.getIndexName() != null && p.getColumnNames() == null) {
            return Optional.of(table(schema, p.getTableName()).map(t -> t.indexes().stream()
                    .anyMatch(i -> i.name().equalsIgnoreCase(p.getIndexName()))).orElse(false));
        }
        if (precondition instanceof ForeignKeyExistsPrecondition p) {
            return Optional.of(table(schema, p.getForeignKeyTableName()).map(t -> t.foreignKeys().stream()
                    .anyMatch(f -> f.name().equalsIgnoreCase(p.getForeignKeyName()))).orElse(false));
        }
        return Optional.empty();
    }

    private static Optional<Boolean> all(PreconditionLogic logic, SchemaModel schema) {
        boolean every = true;
        for (Precondition nested : logic.getNestedPreconditions()) {
            Optional<Boolean> result = holds(nested, schema);
            if (result.isEmpty()) {
                return Optional.empty();
            }
            every &= result.get();
        }
        return Optional.of(every);
    }

    private static Optional<SchemaModel.Table> table(SchemaModel schema, String name) {
        return schema.tables().values().stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(name == null ? "" : name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
