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

    // equals and hashCode written out, with the meaning a record gives them (all four components): the generated
    // ones start through invokedynamic, which costs a command line's first status or update some 20 ms.

    @Override
    public boolean equals(Object other) {
        return other instanceof ChangeSetInfo that && migration.equals(that.migration) && id.equals(that.id)
                && author.equals(that.author) && comment.equals(that.comment);
    }

    @Override
    public int hashCode() {
        return ((migration.hashCode() * 31 + id.hashCode()) * 31 + author.hashCode()) * 31 + comment.hashCode();
    }
}
