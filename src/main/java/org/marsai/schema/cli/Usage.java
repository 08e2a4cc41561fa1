package org.marsai.schema.cli;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/** A usage or configuration error found by the command line itself: exit 2, before anything connects. */
final class Usage {

    private Usage() {
    }

    static MarsSchemaException error(String message) {
        return new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
