package org.marsai.schema.internal.liquibase;

import java.util.logging.Level;
import java.util.regex.Pattern;

import liquibase.Scope;
import liquibase.logging.LogService;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase's log for this library's own work, sent to SLF4J and quiet by default: {@link LiquibaseScope} puts
 * it in the scope of every operation, so a host application's own Liquibase use keeps its log service and
 * nothing global changes (no bridge, no {@code java.util.logging} configuration).
 *
 * <p>Loggers are named after Liquibase's classes ({@code liquibase.…}; a plugin's class gets a {@code liquibase.}
 * prefix). Levels: SEVERE → ERROR, WARNING → WARN, INFO and CONFIG → DEBUG (Liquibase says at INFO what this
 * library sums up in one line of its own), FINE and below → TRACE. One WARNING is a false alarm for this
 * changelog and goes to DEBUG: Liquibase warns at every {@code modifyDataType} on MySQL that NOT NULL, default
 * and comment "will lose" their settings, whatever the change says; every {@code modifyDataType} of the MarsAI
 * changelog restates the column's full definition (the schema tests compare the result with the
 * specification).
 *
 * <p>Liquibase keeps a few loggers in static fields (e.g. {@code DatabaseFactory}), made in whatever scope
 * first loads the class. A logger made here looks at the scope each time it logs: outside this library's
 * scope, it hands the message to the log service there, so a host's own Liquibase use logs as before.
 */
public final class LiquibaseLog extends AbstractLogService {

    static final LiquibaseLog INSTANCE = new LiquibaseLog();

    /** Liquibase 4.33's text ({@code MySQLDatabase.warnAboutAlterColumn}), for MySQL and MariaDB alike. */
    private static final Pattern FALSE_ALARM = Pattern.compile("Due to (?:mysql|mariadb) SQL limitations, modifyDataType"
            + " will lose primary key/autoincrement/not null/comment settings explicitly redefined in the change\\."
            + " Use <sql> or <modifySql> to re-specify all configuration if this is the case");

    private LiquibaseLog() {
    }

    @Override
    public int getPriority() {
        return PRIORITY_NOT_APPLICABLE; // never found as a service: only LiquibaseScope puts it in a scope
    }

    @Override
    public Logger getLog(Class clazz) {
        return new ScopeAwareLogger(clazz);
    }

    /** The SLF4J logger name for a class logging through Liquibase. */
    static String loggerName(Class<?> clazz) {
        String name = clazz == null ? "liquibase" : clazz.getName();
        return name.startsWith("liquibase.") ? name : "liquibase." + name;
    }

    static boolean isFalseAlarm(String message) {
        return message != null && FALSE_ALARM.matcher(message).matches();
    }

    private static final class ScopeAwareLogger extends AbstractLogger {

        private final Class<?> clazz;
        private final org.slf4j.Logger log;

        ScopeAwareLogger(Class<?> clazz) {
            this.clazz = clazz;
            this.log = LoggerFactory.getLogger(loggerName(clazz));
        }

        @Override
        public void log(Level level, String message, Throwable e) {
            LogService current = Scope.getCurrentScope().get(Scope.Attr.logService.name(), LogService.class);
            if (current != null && !(current instanceof LiquibaseLog)) {
                current.getLog(clazz).log(level, message, e); // not this library's work
                return;
            }
            int value = level.intValue();
            if (level == Level.OFF) {
                return;
            }
            if (value >= Level.SEVERE.intValue()) {
                log.error(message, e);
            } else if (value >= Level.WARNING.intValue() && !isFalseAlarm(message)) {
                log.warn(message, e);
            } else if (value >= Level.CONFIG.intValue()) {
                log.debug(message, e);
            } else {
                log.trace(message, e);
            }
        }
    }
}
