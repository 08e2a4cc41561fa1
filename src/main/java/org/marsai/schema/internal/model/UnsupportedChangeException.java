package org.marsai.schema.internal.model;

/** A change the schema model cannot work out (raw SQL, an inline foreign key, a definition it cannot read). */
public final class UnsupportedChangeException extends RuntimeException {

    UnsupportedChangeException(String message) {
        super(message);
    }
}
