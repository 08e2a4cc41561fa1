package org.marsai.schema.internal.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The library's logger: one INFO line per operation start and end, warnings when a run had to recover. */
public final class Log {

    public static final Logger LOG = LoggerFactory.getLogger("org.marsai.schema");

    private Log() {
    }
}
