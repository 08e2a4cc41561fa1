package org.marsai.schema;

import java.util.List;

/**
 * A rollback would destroy stored data and the caller did not allow it; nothing was changed.
 * {@link #losses()} lists what would be lost.
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

    public List<DataLoss> losses() {
        return losses;
    }
}
