package org.marsai.schema;

/** The migration lock could not be taken within the configured wait. */
public class LockException extends MarsSchemaException {
    public LockException(String message) {
        super(ErrorCode.LOCK_TIMEOUT, message);
    }
}
