package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Printing a result gives a short summary, not every changeset on one line. */
class ResultToStringTest {

    private final List<ChangeSetInfo> all = MarsSchema.configure().load().changeSets();

    @Test
    void updateResultIsASummary() {
        UpdateResult result = new UpdateResult(all.subList(0, 48), all.subList(48, 49), List.of());
        assertThat(result.toString()).hasSizeLessThan(2000).startsWith("UpdateResult[executed=48 changeset(s), markedRan=1,"
                + " adopted=0, migrations=[20260128100000-create-users,").doesNotContain("\n");
    }

    @Test
    void rollbackAndStatusResultsAreSummaries() {
        assertThat(new RollbackResult(all).toString()).hasSizeLessThan(2000).startsWith("RollbackResult[rolledBack=" + all.size() + " changeset(s)");
        HistoryEntry entry = new HistoryEntry("m", "id", "marsai", Instant.EPOCH, 1, ExecType.EXECUTED,
                Optional.empty(), "1", "9:x");
        StatusResult status = new StatusResult(List.of(), List.of(entry), all, List.of(),
                List.of(new ValidationResult.Problem(ErrorCode.CHECKSUM_MISMATCH, "edited")));
        assertThat(status.toString()).isEqualTo("StatusResult[migrations=0, applied=1 changeset(s), pending=" + all.size() + ", unknown=0,"
                + " current=none, problems=[CHECKSUM_MISMATCH]]");
    }
}
