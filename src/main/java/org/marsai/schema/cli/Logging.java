package org.marsai.schema.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The command line's logging: Liquibase logs through java.util.logging, the library through SLF4J. */
final class Logging {

    private Logging() {
    }

    /** Quiet by default; with {@code verbose}, everything on standard error. */
    static void configure(boolean verbose) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(verbose ? Level.INFO : Level.SEVERE);
        root.addHandler(handler);
        root.setLevel(verbose ? Level.INFO : Level.SEVERE);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    }
}
