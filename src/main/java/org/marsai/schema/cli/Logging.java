package org.marsai.schema.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The command line's logging, through the bundled slf4j-simple on standard error. The library logs under
 * {@code org.marsai.schema} and sends Liquibase's log, for its own work, to SLF4J under {@code liquibase}
 * (Liquibase's INFO at DEBUG); java.util.logging only carries what Liquibase logs outside that work.
 */
final class Logging {

    private Logging() {
    }

    /**
     * Quiet by default: the library's warnings only (an error is the command's own one line). With
     * {@code verbose}, the library's INFO lines and Liquibase's log. Takes effect if called before the first
     * log line (slf4j-simple reads its settings once).
     */
    static void configure(boolean verbose) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(verbose ? Level.INFO : Level.OFF);
        root.addHandler(handler);
        root.setLevel(verbose ? Level.INFO : Level.OFF);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.liquibase", verbose ? "debug" : "off");
    }
}
