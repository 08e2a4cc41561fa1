package org.marsai.schema;

/** The migration lock could not be taken within the configured wait; the message names the holder. */
public class LockTimeoutException extends MarsSchemaException {

    public LockTimeoutException(String message) {
        super(ErrorCode.LOCK_TIMEOUT, message);
    }
}
