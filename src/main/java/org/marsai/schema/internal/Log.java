package org.marsai.schema.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The library's logger: one INFO line per operation start and end, warnings when a run had to recover. */
final class Log {

    static final Logger LOG = LoggerFactory.getLogger("org.marsai.schema");

    private Log() {
    }
}
