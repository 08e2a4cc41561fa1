package org.marsai.schema.internal;

/** A change the schema model cannot work out (raw SQL, an inline foreign key, a definition it cannot read). */
final class UnsupportedChangeException extends RuntimeException {

    UnsupportedChangeException(String message) {
        super(message);
    }
}
