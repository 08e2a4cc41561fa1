package org.marsai.schema.internal.command;

import java.util.List;

import org.marsai.schema.HistoryEntry;
import org.marsai.schema.internal.history.History;

/** This library's rows of the history table, in the order they ran; changes nothing. */
public final class HistoryOperation {

    private final Context context;

    public HistoryOperation(Context context) {
        this.context = context;
    }

    public List<HistoryEntry> history() {
        return context.runner.withSession(session -> History.read(session, context.changelog).rows()
                .stream().map(History.Row::toEntry).toList());
    }
}
