package org.marsai.schema.internal.build;

/**
 * One changeset as the index records it.
 *
 * @param identity    {@code file::id::author}, as Liquibase prints it and databases record it
 * @param checksum    Liquibase's checksum, version 9 ({@code 9:...})
 * @param conditional whether it acts only where its change is missing (preconditions with onFail MARK_RAN)
 * @param comment     its comment
 * @param file        the file under {@code changelogs/} it comes from, e.g. {@code changelogs/NAME.yaml}
 */
public record IndexEntry(String identity, String checksum, boolean conditional, String comment, String file) {

    /** The changeset id: the middle part of the identity. */
    public String id() {
        String[] parts = identity.split("::");
        return parts.length == 3 ? parts[1] : identity;
    }

    /** The line of {@code changelog-index.tsv}: identity, checksum, {@code always|if-missing}, comment. */
    public String indexLine() {
        return identity + "\t" + checksum + "\t" + (conditional ? "if-missing" : "always") + "\t" + comment;
    }

    /** The line of a pin file: identity and checksum. */
    public String pinLine() {
        return identity + "\t" + checksum;
    }
}
