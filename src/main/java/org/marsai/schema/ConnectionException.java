package org.marsai.schema;

/** The database could not be used: unreachable, wrong credentials, missing, or not MySQL/MariaDB. */
public class ConnectionException extends MarsSchemaException {
    public ConnectionException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
