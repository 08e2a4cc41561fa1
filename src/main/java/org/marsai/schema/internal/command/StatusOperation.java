package org.marsai.schema.internal.command;

import org.marsai.schema.StatusResult;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.plan.Preflight;

/** Which migrations are applied and pending, and what would stop an update; changes nothing. */
public final class StatusOperation {

    private final Context context;

    public StatusOperation(Context context) {
        this.context = context;
    }

    public StatusResult status() {
        return context.runner.withSession(session -> {
            History history = History.read(session, context.changelog);
            return history.status(Preflight.problemsOfUpdate(session, history, context.settings));
        });
    }
}
