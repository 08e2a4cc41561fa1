package org.marsai.schema;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One changeset recorded as applied in the database's history.
 *
 * @param migration     the original migration it belongs to (for a changeset this version does not
 *                      know, the name its file path suggests)
 * @param id            the changeset id
 * @param author        the changeset author
 * @param executedAt    when it was applied
 * @param orderExecuted its position in the history
 * @param execType      whether it ran or was recorded as already present
 * @param tag           the tag placed on it, if any
 * @param deploymentId  the run that applied it
 * @param checksum      the checksum recorded when it ran
 */
public record HistoryEntry(String migration, String id, String author, Instant executedAt, int orderExecuted,
                           ExecType execType, Optional<String> tag, String deploymentId, String checksum) {
    public HistoryEntry {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(executedAt, "executedAt");
        Objects.requireNonNull(execType, "execType");
        tag = tag == null ? Optional.empty() : tag;
        deploymentId = deploymentId == null ? "" : deploymentId;
        checksum = checksum == null ? "" : checksum;
    }
}
