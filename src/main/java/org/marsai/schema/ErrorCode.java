package org.marsai.schema;

/** What went wrong, for callers that branch on failures. Every {@link MarsSchemaException} has one. */
public enum ErrorCode {
    /** The builder or the command line was given an invalid or incomplete setting. */
    INVALID_CONFIGURATION,
    /** The operation needs a database and none is configured. */
    NO_DATABASE,
    /** The server could not be reached (unknown host, closed port, timeout). */
    CONNECTION_FAILED,
    /** The server refused the user name or password. */
    AUTHENTICATION_FAILED,
    /** The database named in the connection does not exist. */
    DATABASE_NOT_FOUND,
    /** The connection is not to MySQL or MariaDB. */
    UNSUPPORTED_DATABASE,
    /**
     * The Liquibase on the class path is of a line this version does not run on (it runs on 4.33.x and 5.0.x):
     * the host's build chose it, and pins {@code liquibase-core} to fix it.
     */
    UNSUPPORTED_LIQUIBASE,
    /** The user lacks a privilege the operation needs. */
    INSUFFICIENT_PRIVILEGES,
    /** A migration name does not match any of the MarsAI migrations. */
    UNKNOWN_MIGRATION,
    /** A rollback tag does not exist in the database's history. */
    UNKNOWN_TAG,
    /** A changeset that already ran was edited afterwards (its checksum changed). */
    CHECKSUM_MISMATCH,
    /**
     * The database's history holds changesets this version does not know (a newer version ran there), and the
     * operation cannot leave them alone: a rollback, a diff, a repair, or an update with refuseNewerChangesets.
     */
    DATABASE_NEWER_THAN_LIBRARY,
    /** The changelog or the database's history is inconsistent. */
    VALIDATION_FAILED,
    /**
     * The database's history lacks rows it should have (a changeset not recorded although later ones are):
     * {@link MarsSchema#repairHistory()} records them after checking the schema has their changes.
     */
    HISTORY_DAMAGED,
    /** The database's default character set is not utf8mb4, so MarsAI tables created in it could not hold every text. */
    UNSUPPORTED_CHARACTER_SET,
    /**
     * Rows in the database would make a pending changeset fail halfway or destroy data (a foreign key they
     * do not satisfy, duplicates under a new unique index, values a new type cannot hold); the update refused
     * before changing anything.
     */
    DATA_BLOCKS_MIGRATION,
    /** The tag is already used, or the last applied changeset already carries another tag. */
    TAG_CONFLICT,
    /** Another process held the migration lock for longer than the configured wait. */
    LOCK_TIMEOUT,
    /** A rollback would destroy stored data and the caller did not allow it. */
    ROLLBACK_REFUSED,
    /**
     * A database built by the original Sequelize migrations cannot be adopted: its {@code SequelizeMeta}
     * names an unknown migration or has a gap, or its schema differs from what its migrations imply.
     */
    ADOPTION_REFUSED,
    /** A changeset failed while being applied. */
    MIGRATION_FAILED,
    /** A changeset failed while being rolled back. */
    ROLLBACK_FAILED,
    /** Anything else: the message and cause say what. */
    UNEXPECTED
}
