package org.marsai.schema.internal;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/** Tags the last applied changeset, so that a rollback can return to it. */
public final class TagOperation {

    private final Context context;

    public TagOperation(Context context) {
        this.context = context;
    }

    public void tag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "A tag is required.");
        }
        context.runner.underLock("tag " + tag, true, session -> {
            History history = new Recovery(context.changelog).recover(session,
                    History.read(session.connection, context.changelog));
            if (history.isEmpty()) {
                throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED, "Nothing is applied yet, so there is"
                        + " nothing to tag: a tag marks the last applied changeset; run update first.");
            }
            LiquibaseCommands.tag(session.database(), tag);
            return null;
        });
    }
}
