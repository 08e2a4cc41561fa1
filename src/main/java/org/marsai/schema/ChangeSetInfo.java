package org.marsai.schema;

import java.util.Objects;

/**
 * One changeset of the MarsAI changelog.
 *
 * @param migration the original migration it belongs to, e.g. {@code 20260128100000-create-users}
 * @param id        the changeset id
 * @param author    the changeset author
 * @param comment   what the changeset does
 */
public record ChangeSetInfo(String migration, String id, String author, String comment) {
    public ChangeSetInfo {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        comment = comment == null ? "" : comment;
    }
}
