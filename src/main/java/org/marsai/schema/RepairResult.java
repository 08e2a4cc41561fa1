package org.marsai.schema;

import java.util.List;

/**
 * What a repair of the history did.
 *
 * @param recorded the changesets whose missing history rows were recorded again, after the schema was checked
 *                 to have their changes, in changelog order
 */
public record RepairResult(List<ChangeSetInfo> recorded) {

    public RepairResult {
        recorded = List.copyOf(recorded);
    }

    public boolean nothingToDo() {
        return recorded.isEmpty();
    }
}
