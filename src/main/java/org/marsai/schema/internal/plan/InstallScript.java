package org.marsai.schema.internal.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.model.InstallDdl;
import org.marsai.schema.internal.model.Normalization;
import org.marsai.schema.internal.model.SchemaModel;

/**
 * The consolidated install, written by the build from the changelog ({@link #write}, called where the offline script
 * is packaged): for each migration, the schema the changelog builds up to it as {@code CREATE TABLE} statements
 * ({@link InstallDdl}, from the changelog's model); the history table's {@code CREATE TABLE} and every changeset's
 * history row exactly as Liquibase writes them in its offline script of the whole changelog (ids, authors, file
 * names, checksums, order, exec types, descriptions, comments), the deployment id and Liquibase's version left open.
 * Packaged as {@code org/marsai/schema/install.sql}, blocks of {@code -- @ NAME} lines.
 */
public final class InstallScript {

    public static final String RESOURCE = "org/marsai/schema/install.sql";
    private static final String DEPLOYMENT_ID = "@@DEPLOYMENT_ID@@";
    private static final String LIQUIBASE = "@@LIQUIBASE@@";
    private static final Pattern HISTORY_TABLE = Pattern.compile("(?m)^CREATE TABLE DATABASECHANGELOG \\(.*\\);$");
    private static final Pattern HISTORY_ROW = Pattern.compile("(?m)^(INSERT INTO DATABASECHANGELOG \\(.*\\) VALUES) (\\(.*), '[^']*', '(?:\\d{10}|"
            + Pattern.quote(DEPLOYMENT_ID) + ")'\\);$");
    private static final Pattern ROW_ORDER = Pattern.compile("^\\('((?:[^']|'')*)', '((?:[^']|'')*)', '((?:[^']|'')*)', NOW\\(\\), (\\d+), ");

    private final String liquibase;
    private final String historyTable;
    private final String historyInsert;
    private final List<String> rows;
    private final List<String> execTypes;
    private final Map<String, List<String>> schemas;

    private InstallScript(String liquibase, String historyTable, String historyInsert, List<String> rows,
                          List<String> execTypes, Map<String, List<String>> schemas) {
        this.execTypes = execTypes;
        this.liquibase = liquibase;
        this.historyTable = historyTable;
        this.historyInsert = historyInsert;
        this.rows = rows;
        this.schemas = schemas;
    }

    /**
     * Writes the resource into {@code classes}, from the packaged offline script ({@code offlineScript}, its
     * deployment ids already open) and the changelog's model of each migration's schema.
     */
    public static void write(String offlineScript, Changelog changelog, Path classes) throws IOException {
        Matcher table = HISTORY_TABLE.matcher(offlineScript);
        if (!table.find()) {
            throw new IllegalStateException("No CREATE TABLE DATABASECHANGELOG in the offline script");
        }
        StringBuilder out = new StringBuilder("-- The consolidated install of an empty database, written by the build"
                + " (InstallScript) from the changelog: do not edit.\n");
        out.append("-- @ liquibase\n").append(liquibaseVersion()).append('\n');
        out.append("-- @ history-table\n").append(table.group().substring(0, table.group().length() - 1)).append('\n');
        Matcher row = HISTORY_ROW.matcher(offlineScript);
        List<String> tuples = new ArrayList<>();
        String insert = null;
        while (row.find()) {
            insert = row.group(1);
            tuples.add(row.group(2) + ", '" + LIQUIBASE + "', '" + DEPLOYMENT_ID + "')");
        }
        List<ChangeSetInfo> changeSets = changelog.changeSets();
        for (int i = 0; i < changeSets.size(); i++) {
            Matcher key = i < tuples.size() ? ROW_ORDER.matcher(tuples.get(i)) : null;
            ChangeSetInfo changeSet = changeSets.get(i);
            if (key == null || !key.find() || !key.group(1).equals(changeSet.id()) || !key.group(3)
                    .equals(Changelog.logicalPath(changeSet)) || Integer.parseInt(key.group(4)) != i + 1) {
                throw new IllegalStateException("The offline script's history rows are not the changelog's changesets"
                        + " in order, at " + changeSet.id());
            }
        }
        if (tuples.size() != changeSets.size()) {
            throw new IllegalStateException("The offline script has " + tuples.size() + " history rows for "
                    + changeSets.size() + " changesets");
        }
        out.append("-- @ history-insert\n").append(insert).append('\n');
        out.append("-- @ exectypes\n");
        int execType = columns(insert).indexOf("EXECTYPE");
        tuples.forEach(t -> out.append(values(t).get(execType)).append('\n'));
        out.append("-- @ history\n");
        tuples.forEach(t -> out.append(t).append('\n'));
        for (String migration : changelog.migrations()) {
            SchemaModel model = changelog.expectedSchema(changelog.upTo(changeSets, Optional.of(migration)));
            out.append("-- @ schema ").append(migration).append('\n');
            InstallDdl.createTables(model).forEach(sql -> out.append(sql).append(";\n"));
        }
        Path file = classes.resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    private static final class Packaged {
        static final Optional<InstallScript> INSTANCE = read();
    }

    /** The packaged script; empty when the jar has none (a build that did not write it). */
    public static Optional<InstallScript> packaged() {
        return Packaged.INSTANCE;
    }

    private static Optional<InstallScript> read() {
        try (InputStream in = InstallScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Map<String, List<String>> blocks = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("-- @ ")) {
                    current = blocks.computeIfAbsent(line.substring(5).trim(), k -> new ArrayList<>());
                } else if (current != null && !line.isEmpty()) {
                    current.add(line);
                }
            }
            Map<String, List<String>> schemas = new LinkedHashMap<>();
            blocks.forEach((name, lines) -> {
                if (name.startsWith("schema ")) {
                    schemas.put(name.substring(7), statements(lines));
                }
            });
            return Optional.of(new InstallScript(blocks.get("liquibase").get(0), blocks.get("history-table").get(0),
                    blocks.get("history-insert").get(0), List.copyOf(blocks.get("history")),
                    List.copyOf(blocks.get("exectypes")), schemas));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged file: the step-by-step path does the work
        }
    }

    private static List<String> statements(List<String> lines) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : lines) {
            statement.append(statement.length() == 0 ? "" : "\n").append(line);
            if (line.endsWith(";")) {
                statements.add(statement.substring(0, statement.length() - 1));
                statement.setLength(0);
            }
        }
        return List.copyOf(statements);
    }

    /** Whether the script was written with the Liquibase on the class path (else its history table may differ). */
    public boolean sameLiquibase() {
        return liquibase.equals(liquibaseVersion());
    }

    public String historyTable() {
        return historyTable;
    }

    /** The {@code CREATE TABLE} statements of the schema up to and including {@code migration}, in foreign-key order. */
    public List<String> schema(String migration) {
        List<String> statements = schemas.get(migration);
        if (statements == null) {
            throw new IllegalStateException("The consolidated install has no schema for " + migration);
        }
        return statements;
    }

    /** The one statement that records the first {@code count} changesets, as Liquibase would one by one. */
    public String historyInsert(String table, int count, String deploymentId, String liquibaseVersion) {
        StringBuilder sql = new StringBuilder(historyInsert.replaceFirst("^INSERT INTO DATABASECHANGELOG ",
                Matcher.quoteReplacement("INSERT INTO " + InstallDdl.name(table) + " ")));
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "\n" : ",\n").append(rows.get(i).replace(DEPLOYMENT_ID, deploymentId)
                    .replace("'" + LIQUIBASE + "'", Normalization.quote(liquibaseVersion)));
        }
        return sql.toString();
    }

    /** Whether the {@code index}-th changeset is recorded MARK_RAN (its change already there when it comes). */
    public boolean markRan(int index) {
        return execTypes.get(index).equals("MARK_RAN");
    }

    /** The column names of {@code INSERT INTO T (A, `B`, C) VALUES}, upper case, unquoted. */
    private static List<String> columns(String insert) {
        String list = insert.substring(insert.indexOf('(') + 1, insert.lastIndexOf(')'));
        return Arrays.stream(list.split(",")).map(c -> c.trim().replace("`", "")
                .toUpperCase(Locale.ROOT)).toList();
    }

    /** The values of a tuple {@code ('a', 'it''s', NULL, 3)}: strings unquoted, anything else as written. */
    private static List<String> values(String tuple) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < tuple.length() - 1; i++) {
            char c = tuple.charAt(i);
            if (quoted && c == '\'' && i + 1 < tuple.length() && tuple.charAt(i + 1) == '\'') {
                value.append(c);
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(value.toString().trim());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString().trim());
        return values;
    }

    /** Ten random digits, as Liquibase's DEPLOYMENT_ID column holds. */
    public static String newDeploymentId() {
        return String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    /** The version of the Liquibase on the class path, from its build properties (read without starting it). */
    public static String liquibaseVersion() {
        try (InputStream in = InstallScript.class.getClassLoader().getResourceAsStream("liquibase.build.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("build.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
