package org.marsai.schema;

import java.util.List;

/**
 * A rollback would destroy stored data and the caller did not allow it. Refused before anything changed, or,
 * when the data was written while the rollback ran, at the changeset that would have destroyed it (the ones
 * undone before it stay undone; the message says which). Nothing is lost either way. {@link #losses()} lists
 * what would have been lost.
 */
public class RollbackRefusedException extends MarsSchemaException {

    private final List<DataLoss> losses;

    public RollbackRefusedException(List<DataLoss> losses) {
        super(ErrorCode.ROLLBACK_REFUSED, "Rollback refused, nothing was changed: it would destroy data ("
                + String.join("; ", losses.stream().map(DataLoss::message).toList())
                + "). Back the data up or move it, or allow the loss explicitly (CLI --allow-data-loss,"
                + " API configure()...allowDataLoss(true)).");
        this.losses = List.copyOf(losses);
    }

    /** Refused with a message of its own, e.g. when the rollback had already undone some changesets. */
    public RollbackRefusedException(String message, List<DataLoss> losses) {
        super(ErrorCode.ROLLBACK_REFUSED, message);
        this.losses = List.copyOf(losses);
    }

    public List<DataLoss> losses() {
        return losses;
    }
}
