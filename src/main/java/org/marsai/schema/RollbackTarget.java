package org.marsai.schema;

import java.time.Instant;

/**
 * How far a rollback goes; {@link MarsSchema#rollback(RollbackTarget)} and its preview
 * {@link MarsSchema#rollbackSql(RollbackTarget)} take the same target.
 *
 * <pre>{@code
 * schema.rollback(RollbackTarget.lastMigrations(1));
 * schema.rollback(RollbackTarget.toMigration("20260216120000-alter-movies-selection-status"));
 * String sql = schema.rollbackSql(RollbackTarget.toTag("release-2026-03"));
 * }</pre>
 *
 * Migration names are the original names, with or without {@code .cjs}; an unknown name fails with
 * {@link ErrorCode#UNKNOWN_MIGRATION} when the rollback runs.
 */
public sealed interface RollbackTarget {

    /** Undo the last {@code count} applied migrations, each with all its changesets; {@code count} ≥ 1. */
    static RollbackTarget lastMigrations(int count) {
        return new LastMigrations(count);
    }

    /** Undo every migration applied after {@code migration}; {@code migration} itself stays applied. */
    static RollbackTarget toMigration(String migration) {
        return new ToMigration(migration);
    }

    /** Undo {@code migration} and every migration after it (what {@code sequelize-cli db:migrate:undo:all --to} does). */
    static RollbackTarget throughMigration(String migration) {
        return new ThroughMigration(migration);
    }

    /** Undo every changeset applied after the one tagged {@code tag}. */
    static RollbackTarget toTag(String tag) {
        return new ToTag(tag);
    }

    /**
     * Undo every changeset applied after {@code instant}. The history records the database server's local
     * time; the instant is compared in this JVM's time zone, so keep both in the same zone.
     */
    static RollbackTarget toDate(Instant instant) {
        return new ToDate(instant);
    }

    /** Undo every applied migration: no MarsAI table is left. */
    static RollbackTarget all() {
        return new All();
    }

    /** A few words for logs and messages, e.g. {@code the last 2 migration(s)}. */
    String description();

    record LastMigrations(int count) implements RollbackTarget {
        public LastMigrations {
            if (count < 1) {
                throw invalid("A rollback count must be at least 1, got " + count + ".");
            }
        }

        @Override
        public String description() {
            return "the last " + count + " migration(s)";
        }
    }

    record ToMigration(String migration) implements RollbackTarget {
        public ToMigration {
            requireText(migration, "migration name");
        }

        @Override
        public String description() {
            return "every migration after " + migration;
        }
    }

    record ThroughMigration(String migration) implements RollbackTarget {
        public ThroughMigration {
            requireText(migration, "migration name");
        }

        @Override
        public String description() {
            return migration + " and every migration after it";
        }
    }

    record ToTag(String tag) implements RollbackTarget {
        public ToTag {
            requireText(tag, "tag");
        }

        @Override
        public String description() {
            return "every changeset after tag " + tag;
        }
    }

    record ToDate(Instant instant) implements RollbackTarget {
        public ToDate {
            if (instant == null) {
                throw invalid("A rollback date is required.");
            }
        }

        @Override
        public String description() {
            return "every changeset applied after " + instant;
        }
    }

    record All() implements RollbackTarget {
        @Override
        public String description() {
            return "every migration";
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw invalid("A " + what + " is required.");
        }
    }

    private static MarsSchemaException invalid(String message) {
        return new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
