package org.marsai.schema.cli;

import java.time.Duration;

import org.marsai.schema.Defaults;
import picocli.CommandLine.Option;

/** {@code --lock-wait}: only on the commands that take the migration lock (those that change the database). */
final class LockWaitOption {

    /** The longest lock wait the library accepts: a year. */
    static final long MAX_LOCK_WAIT_SECONDS = Defaults.MAX_LOCK_WAIT_SECONDS;

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "" + Defaults.LOCK_WAIT_SECONDS,
            description = "How long to wait for another process's migration to finish. Default: ${DEFAULT-VALUE} s.")
    long lockWaitSeconds;

    /** Checks the value before anything connects. */
    Duration validated() {
        if (lockWaitSeconds < 0 || lockWaitSeconds > MAX_LOCK_WAIT_SECONDS) {
            throw Usage.error("--lock-wait must be from 0 to " + MAX_LOCK_WAIT_SECONDS + " seconds (a year), got "
                    + lockWaitSeconds + ": fix it (the default is " + Defaults.LOCK_WAIT_SECONDS + ").");
        }
        return Duration.ofSeconds(lockWaitSeconds);
    }
}
