package org.marsai.schema.internal.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseScope;


/**
 * The offline {@code update-sql} script, made once by the build instead of at every run: Liquibase's script for
 * an empty database, annotated by the library, exactly as the offline preview writes it, with the two things that
 * change from run to run left open (the time in the header and the deployment id of the history rows), and where
 * the script for each {@code --to} migration ends.
 *
 * <p>The build writes it after compiling ({@code process-classes}, {@code internal.build.OfflineScriptBuild}); the
 * files go into the jar. {@code PackagedScriptTest} (whole) and {@code PackagedScriptIT} (cut after each migration)
 * check that the packaged script is what Liquibase and the library write at run time. The preview falls back to
 * Liquibase when the files are missing, when another Liquibase version is on the class path, or when Liquibase
 * settings ({@code LIQUIBASE_*} variables, {@code liquibase.*} properties) could change what it writes.
 */
public final class PackagedScript {

    static final String SCRIPT = "org/marsai/schema/update-offline.sql";
    static final String INDEX = "org/marsai/schema/update-offline.properties";
    private static final String RAN_AT = "@@RAN_AT@@";
    private static final String DEPLOYMENT_ID = "@@DEPLOYMENT_ID@@";
    private static final Pattern RAN_AT_LINE = Pattern.compile("(?m)^(--  Ran at: ).*$");
    private static final Pattern HISTORY_ROW = Pattern.compile("(?m)^(INSERT INTO DATABASECHANGELOG \\(.*, )'(\\d{10})'(\\);)$");
    private static final Pattern CHANGESET = Pattern.compile("(?m)^--  Changeset " + Pattern.quote(Changelog.LOGICAL_PREFIX)
            + "([^/:]+)\\.yaml::");

    private PackagedScript() {
    }

    /**
     * The offline script for every migration, or up to and including {@code migration} (a resolved name);
     * empty when it must come from Liquibase at run time instead.
     */
    public static Optional<String> updateSql(Optional<String> migration, Map<String, String> environment) {
        if (liquibaseSettingsPresent(environment)) {
            return Optional.empty();
        }
        ClassLoader loader = PackagedScript.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(INDEX); InputStream script = loader.getResourceAsStream(SCRIPT)) {
            if (index == null || script == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(index);
            if (!properties.getProperty("liquibase", "").equals(liquibaseVersion())
                    || !properties.getProperty("lineSeparator", "").equals(System.lineSeparator())) {
                return Optional.empty();
            }
            String template = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            int end = migration.map(m -> Integer.parseInt(properties.getProperty("end." + m, "-1"))).orElse(template.length());
            if (end < 0 || end > template.length()) {
                return Optional.empty();
            }
            String ranAt = Preview.ranAt();
            return Optional.of(template.substring(0, end).replace(RAN_AT, ranAt).replace(DEPLOYMENT_ID, deploymentId()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged file: Liquibase writes the script instead
        }
    }

    /** Liquibase reads its settings from the environment and system properties; any of them may change its output. */
    private static boolean liquibaseSettingsPresent(Map<String, String> environment) {
        return environment.keySet().stream().anyMatch(k -> k.toUpperCase(Locale.ROOT).startsWith("LIQUIBASE_"))
                || System.getProperties().stringPropertyNames().stream().anyMatch(k -> k.startsWith("liquibase."));
    }

    /** The version of the Liquibase on the class path, from its build properties (read without starting it). */
    private static String liquibaseVersion() throws IOException {
        try (InputStream in = PackagedScript.class.getClassLoader().getResourceAsStream("liquibase.build.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("build.version", "unknown");
        }
    }

    /** Ten random digits, as the library gives each Liquibase operation (see LiquibaseScope). */
    private static String deploymentId() {
        return String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    /** Writes the script and its index into {@code classes}, from Liquibase's offline preview {@code sql}. */
    public static void write(String sql, Changelog changelog, Path classes) throws IOException {
        Matcher ranAt = RAN_AT_LINE.matcher(sql);
        if (!ranAt.find()) {
            throw new IllegalStateException("No '--  Ran at:' line in the offline script");
        }
        String template = ranAt.replaceFirst(Matcher.quoteReplacement(ranAt.group(1) + RAN_AT));
        Matcher rows = HISTORY_ROW.matcher(template);
        StringBuilder withPlaceholders = new StringBuilder();
        int count = 0;
        while (rows.find()) {
            rows.appendReplacement(withPlaceholders, Matcher.quoteReplacement(rows.group(1) + "'" + DEPLOYMENT_ID + "'"
                    + rows.group(3)));
            count++;
        }
        rows.appendTail(withPlaceholders);
        template = withPlaceholders.toString();
        if (count != changelog.changeSets().size()) {
            throw new IllegalStateException("The offline script has " + count + " history rows for "
                    + changelog.changeSets().size() + " changesets");
        }
        // the script up to a migration ends where the first changeset of the next one starts
        Map<String, Integer> ends = new LinkedHashMap<>();
        Matcher changeSets = CHANGESET.matcher(template);
        String previous = null;
        while (changeSets.find()) {
            String migration = changeSets.group(1);
            if (previous != null && !previous.equals(migration)) {
                ends.put(previous, changeSets.start());
            }
            previous = migration;
        }
        ends.put(previous, template.length());
        if (!ends.keySet().stream().toList().equals(changelog.migrations())) {
            throw new IllegalStateException("The offline script's migrations " + ends.keySet() + " are not the changelog's "
                    + changelog.migrations());
        }
        StringBuilder index = new StringBuilder("# Where the offline script ends for each --to migration; written by the"
                + " build (PackagedScript)\n");
        index.append("liquibase=").append(liquibaseVersion()).append('\n');
        index.append("lineSeparator=").append(System.lineSeparator().replace("\r", "\\r").replace("\n", "\\n")).append('\n');
        ends.forEach((migration, end) -> index.append("end.").append(migration).append('=').append(end).append('\n'));
        Path dir = classes.resolve(SCRIPT).getParent();
        Files.createDirectories(dir);
        Files.writeString(classes.resolve(SCRIPT), template, StandardCharsets.UTF_8);
        Files.writeString(classes.resolve(INDEX), index.toString(), StandardCharsets.ISO_8859_1);
    }
}
