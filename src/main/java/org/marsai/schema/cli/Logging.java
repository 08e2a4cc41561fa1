package org.marsai.schema.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
     * The settings of a command line run without {@code -v}, made without starting java.util.logging: it starts
     * only if something logs through it, and then reads {@link QuietJavaLogging}. (Starting it costs a
     * short-lived command time it rarely needs.)
     */
    static void quietByDefault() {
        System.setProperty("java.util.logging.config.class", QuietJavaLogging.class.getName());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.liquibase", "off");
    }

    /** java.util.logging's configuration when it starts in a quiet run: nothing shown. */
    public static final class QuietJavaLogging {
        public QuietJavaLogging() throws IOException {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(
                    ".level=OFF\n".getBytes(StandardCharsets.ISO_8859_1)));
        }
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
