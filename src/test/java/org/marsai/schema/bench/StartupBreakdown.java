package org.marsai.schema.bench;

import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.LogManager;

import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.CommandFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.MySQLDatabase;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import org.marsai.schema.cli.Cli;

/**
 * Where the time of a cold {@code update-sql} goes, phase by phase, in one fresh JVM: each phase is timed the
 * first time it runs, so it carries the class loading, static initialisation and interpretation it causes.
 * The last phase is the real command line ({@code Cli.run(update-sql)}) with everything before it already
 * warm: what the command adds on top of the pieces measured separately.
 *
 * <p>Run on the shaded jar, as the command line runs:
 * {@code java -cp target/marsai-schema-cli.jar:target/test-classes org.marsai.schema.bench.StartupBreakdown}.
 * Prints one line per phase: name, milliseconds, classes loaded during the phase. Not a test.
 */
public final class StartupBreakdown {

    /** The packaged root changelog (the library's Changelog.ROOT). */
    private static final String ROOT = "org/marsai/schema/changelogs/marsai-changelog.yaml";


    private static final Map<String, long[]> PHASES = new LinkedHashMap<>();
    private static long last;
    private static long lastClasses;

    private StartupBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        LogManager.getLogManager().reset();
        last = System.nanoTime();
        lastClasses = loadedClasses();
        long start = last;
        boolean fullCommandOnly = args.length > 0 && args[0].equals("--command-only");
        if (!fullCommandOnly) {
            phases();
        }
        StringWriter sink = new StringWriter();
        int code = Cli.run(new String[] {"update-sql", "--stacktrace"}, sink, new OutputStreamWriter(System.err, StandardCharsets.UTF_8),
                Map.of(), Path.of(""));
        if (code != 0 || sink.toString().length() < 10_000) {
            throw new IllegalStateException("update-sql failed: " + code);
        }
        mark(fullCommandOnly ? "the whole update-sql command (cold)" : "the real update-sql command, rest");
        System.out.printf(Locale.ROOT, "%-60s %8.1f%n", "total in main", (System.nanoTime() - start) / 1e6);
        System.out.printf(Locale.ROOT, "%-60s %8.1f%n", "JVM uptime at the end",
                (double) ManagementFactory.getRuntimeMXBean().getUptime());
        for (Map.Entry<String, long[]> phase : PHASES.entrySet()) {
            System.out.printf(Locale.ROOT, "phase %-54s %8.1f ms %6d classes%n", phase.getKey(), phase.getValue()[0] / 1e6,
                    phase.getValue()[1]);
        }
        System.exit(0);
    }

    private static void phases() throws Exception {
        // what every run of the command line does before Liquibase: the packaged index
        Class.forName("org.marsai.schema.MarsSchema");
        mark("the library's own classes and the changelog index");
        Scope root = Scope.getCurrentScope();
        mark("Liquibase root scope (configuration, log service, service locator)");
        ClassLoader loader = StartupBreakdown.class.getClassLoader();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader));
        values.put("liquibase.analytics.enabled", Boolean.FALSE);
        Scope.child(values, () -> {
            ChangeLogParserFactory parsers = ChangeLogParserFactory.getInstance();
            var accessor = Scope.getCurrentScope().getResourceAccessor();
            var parser = parsers.getParser(ROOT, accessor);
            mark("changelog parser registry");
            DatabaseChangeLog changeLog = parser.parse(ROOT, new ChangeLogParameters(), accessor);
            mark("first parse of the 25 YAML files (SnakeYAML, ChangeFactory)");
            parser.parse(ROOT, new ChangeLogParameters(), accessor);
            mark("second parse of the same files");
            List<String> sums = new ArrayList<>();
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                sums.add(changeSet.generateCheckSum(ChecksumVersion.latest()).toString());
            }
            mark("checksums of the 49 changesets (v9)");
            DatabaseFactory.getInstance().getImplementedDatabases();
            Database offline = new MySQLDatabase();
            mark("database registry (21 databases) and a MySQL database");
            SqlGeneratorFactory generators = SqlGeneratorFactory.getInstance();
            mark("SQL generator registry (117 generators)");
            int statements = 0;
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                for (Change change : changeSet.getChanges()) {
                    for (SqlStatement statement : change.generateStatements(offline)) {
                        statements += generators.generateSql(statement, offline).length;
                    }
                }
            }
            mark("SQL of the 49 changesets' changes (" + statements + " statements)");
            CommandFactory commands = Scope.getCurrentScope().getSingleton(CommandFactory.class);
            commands.getCommandDefinition(new String[] {"updateSql"});
            mark("command registry (57 command steps) and updateSql's pipeline");
            return sums;
        });
    }

    private static void mark(String phase) {
        long now = System.nanoTime();
        long classes = loadedClasses();
        PHASES.put(phase, new long[] {now - last, classes - lastClasses});
        last = System.nanoTime();
        lastClasses = loadedClasses();
    }

    private static long loadedClasses() {
        return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    }
}
