package org.marsai.schema.internal.command;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.plan.Recovery;

/** Tags the last applied changeset, so that a rollback can return to it. */
public final class TagOperation {

    private final Context context;

    public TagOperation(Context context) {
        this.context = context;
    }

    /** The width of Liquibase's TAG column. */
    static final int MAX_LENGTH = 255;

    public void tag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "A tag is required.");
        }
        if (tag.length() > MAX_LENGTH) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "A tag has at most " + MAX_LENGTH
                    + " characters (the history's TAG column), got " + tag.length() + ": use a shorter one.");
        }
        context.runner.underLock("tag " + tag, true, session -> {
            LiquibaseCommands liquibase = LiquibaseCommands.on(session);
            History history = new Recovery(session, context.changelog, liquibase).recovered();
            if (history.isEmpty()) {
                throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED, "Nothing is applied yet, so there is"
                        + " nothing to tag: a tag marks the last applied changeset; run update first.");
            }
            History.Row last = history.rows().get(history.rows().size() - 1);
            if (tag.equals(last.tag())) {
                return null;
            }
            if (last.tag() != null && !last.tag().isEmpty()) {
                throw new MarsSchemaException(ErrorCode.TAG_CONFLICT, "The last applied changeset, " + last.id()
                        + ", already carries the tag '" + last.tag() + "', and a changeset holds one tag: roll back to '"
                        + last.tag() + "' by that name, or tag again after the next update.");
            }
            history.rows().stream().filter(r -> tag.equals(r.tag())).findFirst().ifPresent(r -> {
                throw new MarsSchemaException(ErrorCode.TAG_CONFLICT, "The tag '" + tag + "' already marks changeset "
                        + r.id() + " of migration " + Changelog.migrationOf(r.fileName()) + ": a rollback to it would"
                        + " be ambiguous. Choose another name.");
            });
            liquibase.tag(tag);
            return null;
        });
    }
}
