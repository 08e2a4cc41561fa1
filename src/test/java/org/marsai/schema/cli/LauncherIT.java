package org.marsai.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * The launcher the build installs as {@code target/marsai-schema}: same commands and output as
 * {@code java -jar}, and silent and correct when its class-data sharing archive does not fit the JVM or the jar.
 */
class LauncherIT {

    private static final Path TARGET = Path.of("target");
    private static final Path LAUNCHER = TARGET.resolve("marsai-schema");
    private static final Path ARCHIVE = TARGET.resolve("marsai-schema-cli.jsa");

    private record Run(int exitCode, String out, String err) {
    }

    private Path scratch;

    @BeforeEach
    void scratchDirectory() throws IOException {
        scratch = Files.createTempDirectory("marsai-launcher");
    }

    @AfterEach
    void removeScratch() throws IOException {
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void buildInstallsTheLauncherAndItsArchiveNextToTheJar() {
        assertThat(LAUNCHER).as("the launcher").isExecutable();
        assertThat(ARCHIVE).as("the class-data sharing archive made by the build").isRegularFile();
    }

    @Test
    void offlineScriptThroughTheLauncherIsTheGoldenOne() throws Exception {
        Run run = run(LAUNCHER, null, "update-sql");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("nothing on standard error").isEmpty();
        assertThat(stable(run.out())).isEqualTo(ExpectedSchema.resource("/golden/update-offline.sql"));
    }

    @Test
    void updateAndStatusThroughTheLauncher() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Run update = run(LAUNCHER, db, "update");
            assertThat(update.exitCode()).as(update.err()).isZero();
            assertThat(update.err()).isEmpty();
            assertThat(update.out()).contains("Applied " + (Migrations.changeSetCount() - 1) + " changeset(s) and recorded 1 as already present");
            Run status = run(LAUNCHER, db, "status", "--exit-code");
            assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
            assertThat(status.out()).contains("Up to date: all " + Migrations.count() + " migrations applied.");
            assertThat(status.err()).isEmpty();
        }
    }

    @Test
    void archiveOfAnotherJarIsIgnoredWithoutAWord() throws Exception {
        // a copied jar has another path and time than the one the archive was made for
        Path dir = copyOfTheDistribution();
        Files.setLastModifiedTime(dir.resolve("marsai-schema-cli.jar"), FileTime.fromMillis(0));
        Run run = run(dir.resolve("marsai-schema"), null, "update-sql");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("no warning about the archive").isEmpty();
        assertThat(stable(run.out())).isEqualTo(ExpectedSchema.resource("/golden/update-offline.sql"));
    }

    @Test
    void theBuildsArchiveFitsThisJvmAndJar() throws Exception {
        Path log = scratch.resolve("classes.log");
        Run run = run(LAUNCHER, null, List.of("-Xlog:class+load:file=" + log), "--version");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(log)).as("the command line's main class comes from the archive")
                .anyMatch(line -> line.contains(" org.marsai.schema.cli.Main source: shared objects file (top)"));
    }

    @Test
    void archiveRemadeWhereTheJarWasMovedIsUsed() throws Exception {
        Path dir = copyOfTheDistribution();
        Files.setLastModifiedTime(dir.resolve("marsai-schema-cli.jar"), FileTime.fromMillis(0));
        Files.delete(dir.resolve("marsai-schema-cli.jsa"));
        // the command the launcher's comment gives
        Process remake = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=marsai-schema-cli.jsa", "-Xlog:cds=off", "-cp",
                dir.toAbsolutePath().resolve("marsai-schema-cli.jar").toString(), "org.marsai.schema.cli.CdsTraining")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(scratch.resolve("remake.log").toFile())
                .start();
        assertThat(remake.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(remake.exitValue()).as(Files.readString(scratch.resolve("remake.log"))).isZero();
        Path log = scratch.resolve("classes.log");
        Run run = run(dir.resolve("marsai-schema"), null, List.of("-Xlog:class+load:file=" + log), "update-sql");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(stable(run.out())).isEqualTo(ExpectedSchema.resource("/golden/update-offline.sql"));
        assertThat(Files.readAllLines(log))
                .anyMatch(line -> line.contains(" org.marsai.schema.cli.Main source: shared objects file (top)"));
    }

    @Test
    void damagedArchiveIsIgnoredWithoutAWord() throws Exception {
        Path dir = copyOfTheDistribution();
        Path archive = dir.resolve("marsai-schema-cli.jsa");
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive", StandardCharsets.UTF_8);
        Run run = run(dir.resolve("marsai-schema"), null, "--version");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("marsai-schema ");
    }

    @Test
    void launcherFindsItsJarThroughASymbolicLinkAndWithoutAnArchive() throws Exception {
        Path dir = copyOfTheDistribution();
        Files.delete(dir.resolve("marsai-schema-cli.jsa"));
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("marsai-schema"), dir.resolve("marsai-schema").toAbsolutePath());
        Run run = run(link, null, "update-sql", "--to", "20260128100000-create-users");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("CREATE TABLE users (").doesNotContain("CREATE TABLE categories (");
    }

    @Test
    void usageErrorsKeepTheirExitCode() throws Exception {
        Run run = run(LAUNCHER, null, "status", "--no-such-option");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown option '--no-such-option'");
    }

    private Path copyOfTheDistribution() throws IOException {
        Path dir = Files.createDirectories(scratch.resolve("dist"));
        for (String file : List.of("marsai-schema", "marsai-schema-cli.jar", "marsai-schema-cli.jsa")) {
            Files.copy(TARGET.resolve(file), dir.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return dir;
    }

    private static String stable(String sql) {
        return sql.replaceAll("(?m)^--  Ran at: .*$", "--  Ran at: (time of the run)")
                .replaceAll("'\\d{10}'\\);", "'(deployment id)');");
    }

    private Run run(Path launcher, TestDatabase db, String... args) throws IOException, InterruptedException {
        return run(launcher, db, List.of(), args);
    }

    /**
     * Runs the launcher with JAVA_HOME set to this JVM, the database's settings in the environment, and the JVM
     * options given in MARSAI_SCHEMA_JAVA_OPTS.
     */
    private Run run(Path launcher, TestDatabase db, List<String> javaOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MARSAI_SCHEMA_JAVA_OPTS");
        if (!javaOptions.isEmpty()) {
            builder.environment().put("MARSAI_SCHEMA_JAVA_OPTS", String.join(" ", javaOptions));
        }
        if (db != null) {
            command.addAll(List.of("--url=" + db.url(), "--username=" + db.user()));
            builder.command(command);
            builder.environment().put("DB_PASSWORD", db.password());
        }
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not finish within 5 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
