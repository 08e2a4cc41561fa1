package org.marsai.schema;

import java.util.Objects;

/**
 * The one exception this library throws. Its message leads with what failed and ends with the fix;
 * {@link #code()} tells callers which kind of failure it is.
 */
public class MarsSchemaException extends RuntimeException {

    private final ErrorCode code;

    public MarsSchemaException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public MarsSchemaException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
