package org.marsai.schema.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The lease's timing, on explicit instants: when it expires, when a holder counts it lost, how a waiter pauses. */
class LeaseLockTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aLeaseIsRenewedSeveralTimesBeforeItCouldExpire() {
        assertThat(LeaseLock.RENEWAL).isEqualTo(Duration.ofSeconds(5));
        assertThat(LeaseLock.LEASE).isEqualTo(Duration.ofSeconds(30));
        assertThat(LeaseLock.LEASE.dividedBy(LeaseLock.RENEWAL)).as("renewals that may fail before it expires")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aHolderThatCannotRenewCountsTheLeaseLostOneRenewalBeforeItExpires() {
        assertThat(LeaseLock.renewalOverdue(T, T.plusSeconds(5))).as("one failed renewal").isFalse();
        assertThat(LeaseLock.renewalOverdue(T, T.plusSeconds(24).plusMillis(999))).isFalse();
        assertThat(LeaseLock.renewalOverdue(T, T.plusSeconds(25)))
                .as("the next attempt, 5 s later, would come when another run may take it over").isTrue();
        assertThat(LeaseLock.renewalOverdue(T, T.plusSeconds(40))).isTrue();
    }

    @Test
    void anExpiredLeaseIsOneNotRenewedForALeaseOrRenewedALeaseInTheFuture() {
        assertThat(LeaseLock.expired("LOCKGRANTED")).isEqualTo("(LOCKGRANTED < UTC_TIMESTAMP() - INTERVAL 30 SECOND"
                + " OR LOCKGRANTED > UTC_TIMESTAMP() + INTERVAL 30 SECOND)");
    }

    @Test
    void onlyThisLibrarysLeasesCanBeTakenOverAndItsOwnAreRecognised() {
        // The takeover matches LOCKEDBY LIKE 'marsai-schema lease %': another tool's lock never expires.
        String owner = new LeaseLock(null, null, "update").owner();
        assertThat(owner).startsWith(LeaseLock.PREFIX).startsWith("marsai-schema lease ").endsWith(": update")
                .hasSizeLessThanOrEqualTo(255);
        assertThat(new LeaseLock(null, null, "x".repeat(300)).owner()).as("fits LOCKEDBY").hasSize(255);
        assertThat(new LeaseLock(null, null, "update").owner()).as("each run its own").isNotEqualTo(owner);
    }

    @Test
    void aWaiterPollsEveryHalfSecondAndWakesAtItsDeadline() {
        assertThat(LeaseLock.pause(T, T.plusSeconds(10))).isEqualTo(Duration.ofMillis(500));
        assertThat(LeaseLock.pause(T, T.plusMillis(500))).isEqualTo(Duration.ofMillis(500));
        assertThat(LeaseLock.pause(T, T.plusMillis(120))).isEqualTo(Duration.ofMillis(120));
    }
}
