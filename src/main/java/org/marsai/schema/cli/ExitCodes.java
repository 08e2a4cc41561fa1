package org.marsai.schema.cli;

/** The command line's exit codes; listed in {@code --help} and the README. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int PENDING = 3;
    static final int DRIFT = 4;
    /** {@code status --exit-code}: the database needs attention first, an update would refuse to touch it. */
    static final int NEEDS_ATTENTION = 5;

    private ExitCodes() {
    }
}
