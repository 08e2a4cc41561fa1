package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RollbackTargetTest {

    @Test
    void aTargetThatCannotMeanAnythingIsRefusedWhenItIsMade() {
        assertThatThrownBy(() -> RollbackTarget.lastMigrations(0)).isInstanceOf(MarsSchemaException.class)
                .hasMessage("A rollback count must be at least 1, got 0.")
                .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThatThrownBy(() -> RollbackTarget.toTag(" ")).hasMessage("A tag is required.");
        assertThatThrownBy(() -> RollbackTarget.toMigration(null)).hasMessage("A migration name is required.");
        assertThatThrownBy(() -> RollbackTarget.toDate(null)).hasMessage("A rollback date is required.");
    }

    @Test
    void eachTargetDescribesItselfForLogsAndMessages() {
        assertThat(RollbackTarget.lastMigrations(2).description()).isEqualTo("the last 2 migration(s)");
        assertThat(RollbackTarget.toMigration("m").description()).isEqualTo("every migration after m");
        assertThat(RollbackTarget.throughMigration("m").description()).isEqualTo("m and every migration after it");
        assertThat(RollbackTarget.toTag("v1").description()).isEqualTo("every changeset after tag v1");
        assertThat(RollbackTarget.toDate(Instant.EPOCH).description())
                .isEqualTo("every changeset applied after 1970-01-01T00:00:00Z");
        assertThat(RollbackTarget.all().description()).isEqualTo("every migration");
        assertThat(RollbackTarget.toTag("v1")).isEqualTo(RollbackTarget.toTag("v1"));
    }
}
