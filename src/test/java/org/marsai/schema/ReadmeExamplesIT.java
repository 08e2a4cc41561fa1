package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsai.schema.testing.JavaProcess;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * The README's quick start, read from README.md and followed as a newcomer would in an application of their own:
 * the SQL that makes the database and user, the Java class compiled as it stands, run in a fresh JVM with the
 * library's jar, its runtime dependencies, HikariCP and slf4j-simple on the class path (what the README's
 * {@code pom.xml} lines give an application), its output compared line by line with the README's.
 */
class ReadmeExamplesIT {

    /** What README's URL, user and password become for the test server; the README's literals must be there. */
    private static final String README_URL = "\"jdbc:mysql://127.0.0.1:3306/marsai\"";
    private static final String README_USER = "\"marsai\"";
    private static final String README_PASSWORD = "change-me";

    /**
     * The library's runtime dependencies as Maven resolves them for an application ({@code mvn dependency:tree
     * -Dscope=runtime}, without the CLI's optional ones), plus the example's pool and SLF4J backend. A dependency
     * added to the library and missing here fails this test: add it.
     */
    private static final List<String> APPLICATION_JARS = List.of("liquibase-core", "opencsv", "snakeyaml", "jaxb-api",
            "commons-collections4", "commons-text", "commons-lang3", "commons-io", "mysql-connector-j", "slf4j-api",
            "HikariCP", "slf4j-simple");

    @TempDir
    Path application;

    @Test
    void quickStartRunsAsWrittenAndPrintsWhatTheReadmeShows() throws Exception {
        String quickStart = section(readme(), "## Quick start (Java)");
        List<String> blocks = codeBlocks(quickStart);
        assertThat(blocks).as("the quick start's code blocks: sh, xml, sql, java, sh, text, text").hasSize(7);
        assertThat(blocks.get(0)).isEqualTo("mvn -q -DskipTests install");
        // How to run it: the class path Maven resolves for the application, which classPath() below rebuilds.
        assertThat(blocks.get(4)).contains("dependency:build-classpath", "java -cp", "MigrateOnStart");
        assertDependencyVersions(blocks.get(1));

        String name = "marsai_qs_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        try (Connection root = TestServer.get().rootConnection(); Statement s = root.createStatement()) {
            try {
                for (String statement : blocks.get(2).split(";\\s*")) {
                    s.execute(statement.replace("marsai", name));
                }
                compile(blocks.get(3), name, name);

                JavaProcess.Result first = runApplication(List.of());
                assertThat(first.exitCode()).as(first.output()).isZero();
                assertMatches(first.lines(), named(blocks.get(5), name));

                JavaProcess.Result later = runApplication(List.of());
                assertThat(later.exitCode()).as(later.output()).isZero();
                assertMatches(later.lines(), named(blocks.get(6), name));
            } finally {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
                s.execute("DROP USER IF EXISTS '" + name + "'@'%'");
            }
        }
    }

    /** The README's Logging section: how to see Liquibase's own log, with the same application. */
    @Test
    void liquibaseLogShowsWhenAskedFor() throws Exception {
        String logging = section(readme(), "## Logging");
        String option = "-Dorg.slf4j.simpleLogger.log.liquibase=debug";
        assertThat(logging).contains(option);
        String quickStart = codeBlocks(section(readme(), "## Quick start (Java)")).get(3);
        try (TestDatabase db = TestServer.get().createDatabase()) {
            // an empty database gets the consolidated install, without Liquibase: the first migration applied
            // beforehand makes the application's update Liquibase's work
            db.schema().updateTo(Migrations.names().get(0));
            compile(quickStart, db.name(), db.user());
            JavaProcess.Result run = runApplication(List.of(option), Map.of("DB_PASSWORD", db.password()));
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.lines()).as("Liquibase's INFO, as DEBUG under 'liquibase'")
                    .filteredOn(line -> line.startsWith("[main] DEBUG liquibase.")).hasSizeGreaterThan(20);
            assertThat(run.output()).as("no warning: the modifyDataType false alarm stays at DEBUG")
                    .doesNotContain(" WARN ", "WARNING").contains("DEBUG liquibase.changelog.DatabaseChangeLog - Due to");
        }
    }

    private JavaProcess.Result runApplication(List<String> jvmOptions) throws IOException, InterruptedException {
        return runApplication(jvmOptions, Map.of("DB_PASSWORD", README_PASSWORD));
    }

    private JavaProcess.Result runApplication(List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        return JavaProcess.run(jvmOptions, application + File.pathSeparator + classPath(), "MigrateOnStart", environment);
    }

    /** The README's class, pointed at database {@code name} on the test server as {@code user}, compiled into the application folder. */
    private void compile(String java, String name, String user) throws IOException {
        assertThat(java).contains(README_URL, README_USER);
        String source = java.replace(README_URL, "\"" + TestServer.get().jdbcUrl(name) + "\"")
                .replace(README_USER, "\"" + user + "\"");
        Path file = application.resolve("MigrateOnStart.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, null, "-d", application.toString(), "-cp", classPath(), file.toString());
        assertThat(code).as("the README's Java compiles").isZero();
    }

    /** The library's packaged jar and the application's other jars, taken from this test's class path. */
    private static String classPath() {
        Path jar = Path.of("target", "marsai-schema-" + projectProperty("version") + ".jar");
        assertThat(jar).as("the library's jar (the integration tests run after mvn package)").exists();
        List<String> entries = new ArrayList<>(List.of(jar.toAbsolutePath().toString()));
        List<String> testClassPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        for (String artifact : APPLICATION_JARS) {
            String found = testClassPath.stream().filter(e -> Path.of(e).getFileName().toString()
                    .matches(Pattern.quote(artifact) + "-\\d[^/]*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError(artifact + " is not on the test class path"));
            entries.add(found);
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The README's versions are the build's; between releases (a -SNAPSHOT build) the README shows the latest
     * release, the one users can fetch.
     */
    private static void assertDependencyVersions(String xml) {
        assertThat(xml).contains("<artifactId>marsai-schema</artifactId>\n  <version>" + documentedVersion())
                .contains("<artifactId>HikariCP</artifactId>\n  <version>" + projectProperty("hikari.version"))
                .contains("<artifactId>slf4j-simple</artifactId>\n  <version>" + projectProperty("slf4j.version"))
                .as("a compiler plugin for Java 17: Maven 3.8's default one targets Java 5")
                .contains("<artifactId>maven-compiler-plugin</artifactId>", "<release>17</release>");
    }

    /** README's output block for the database the test made in place of README's {@code marsai}. */
    private static String named(String block, String database) {
        return block.replace("database 'marsai'", "database '" + database + "'")
                .replace("'marsai-schema:marsai'", "'marsai-schema:" + database + "'");
    }

    /** Each expected line, with {@code …} standing for any text, in order, and nothing else. */
    private static void assertMatches(List<String> actual, String expectedBlock) {
        List<String> expected = expectedBlock.lines().toList();
        assertThat(actual).as("output:\n" + String.join("\n", actual)).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String regex = Stream.of(expected.get(i).split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            assertThat(actual.get(i)).as("line " + (i + 1)).matches(regex);
        }
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has " + heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> codeBlocks(String text) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```$").matcher(text);
        while (m.find()) {
            blocks.add(m.group(1).stripTrailing());
        }
        return blocks;
    }

    private static String documentedVersion() {
        String version = projectProperty("version");
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        try (Stream<Path> pins = Files.list(Path.of("changelogs", "released"))) {
            return pins.map(pin -> pin.getFileName().toString().replaceFirst("\\.tsv$", ""))
                    .max(Comparator.comparing(ReadmeExamplesIT::versionNumbers, Arrays::compare))
                    .orElseThrow(() -> new AssertionError("a -SNAPSHOT build with no release pinned"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] versionNumbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static String projectProperty(String name) {
        try {
            String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile(name.equals("version") ? "</artifactId>\\s*<version>([^<]+)</version>"
                    : "<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
            assertThat(m.find()).as(name + " in pom.xml").isTrue();
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
