package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * Real older builds, as separate jars, against a database this build migrated: what a rolling deploy's old
 * instances or a rolled-back application run. Two builds are made from sources ({@code mvn package},
 * about a minute each): release 1.0 from its commit, which refuses (the behaviour issue 19 is about), and this
 * source tree without release 1.1's migrations, an older build that has the fix. Needs the commit (a full clone) and Maven.
 */
class OlderBuildIT {

    /** Release 1.0 (1.0.0-SNAPSHOT, 24 migrations), before the fix. */
    private static final String RELEASE_10 = "88478c6";
    /** Release 1.1's migrations: an older build of this tree is this tree without them. */
    private static final List<String> RELEASE_11 = List.of("20260205131006-movies-juries-upstream-layout",
            "20260226130000-alter-vote-histories", "20260324120000-add-decision-to-votes");

    private static Path work;
    private static Path released10;
    private static Path olderWithFix;
    private static Path lastLog;

    @BeforeAll
    static void build() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        work = Files.createTempDirectory("marsai-older-builds");
        Path old = work.resolve("release-1.0");
        Files.createDirectories(old);
        assertThat(run(project, "git", "cat-file", "-e", RELEASE_10 + "^{commit}"))
                .as("commit %s (release 1.0) is in this clone (a shallow clone lacks it: fetch the history)", RELEASE_10)
                .isZero();
        Path tar = work.resolve("release-1.0.tar");
        assertThat(run(project, "git", "archive", "-o", tar.toString(), RELEASE_10)).isZero();
        assertThat(run(old, "tar", "-xf", tar.toString())).isZero();
        released10 = jar(old);

        Path tree = work.resolve("older-with-fix");
        copy(project.resolve("pom.xml"), tree.resolve("pom.xml"));
        copy(project.resolve("changelogs"), tree.resolve("changelogs"));
        copy(project.resolve("src/main"), tree.resolve("src/main"));
        // Release 1.1 taken out: its files, their include lines and its pinned checksums.
        Path root = tree.resolve("changelogs/marsai-changelog.yaml");
        Files.write(root, Files.readAllLines(root).stream()
                .filter(line -> RELEASE_11.stream().noneMatch(line::contains)).toList());
        for (String migration : RELEASE_11) {
            Files.delete(tree.resolve("changelogs/" + migration + ".yaml"));
        }
        Files.deleteIfExists(tree.resolve("changelogs/released/1.1.0.tsv"));
        olderWithFix = jar(tree);
    }

    @AfterAll
    static void clean() throws IOException {
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void release10RefusesADatabaseThisBuildMigrated() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            List<String> picture = db.picture();

            Result update = cli(released10, db, "update");
            assertThat(update.code()).as(update.output()).isEqualTo(1);
            assertThat(update.output()).contains("newer version", RELEASE_11.get(0));
            assertThat(cli(released10, db, "status", "--exit-code").code()).as("release 1.0's status").isEqualTo(5);
            assertThat(db.picture()).isEqualTo(picture);
        }
    }

    @Test
    void anOlderBuildWithTheFixStartsOnADatabaseANewerBuildMigratedAndChangesNothing() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            List<String> picture = db.picture();

            Result update = cli(olderWithFix, db, "update");
            assertThat(update.code()).as(update.output()).isZero();
            Result status = cli(olderWithFix, db, "status", "--exit-code");
            assertThat(status.code()).as(status.output()).isZero();
            assertThat(status.output()).contains("unknown   " + RELEASE_11.get(2), "update leaves them alone");
            Result rollback = cli(olderWithFix, db, "rollback", "--count", "1");
            assertThat(rollback.code()).as(rollback.output()).isEqualTo(1);
            assertThat(rollback.output()).contains("Roll back with the version that applied them");
            Result refused = cli(olderWithFix, db, "update", "--refuse-newer-changesets");
            assertThat(refused.code()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("refuseNewerChangesets is set");
            assertThat(db.picture()).as("schema and history after the older build").isEqualTo(picture);
        }
    }

    private record Result(int code, String output) {
    }

    private static Result cli(Path jar, TestDatabase db, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--url=" + db.url(), "--username=" + db.user(), "--password=" + db.password()));
        Path log = Files.createTempFile(work, "cli", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("CLI finished").isTrue();
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Builds the project in {@code dir} without its tests, and returns its CLI jar. */
    private static Path jar(Path dir) throws Exception {
        String home = System.getProperty("maven.home");
        String mvn = home == null ? "mvn" : Path.of(home, "bin", "mvn").toString();
        assertThat(home != null || run(dir, "mvn", "-v") == 0).as("Maven is on the PATH").isTrue();
        int code = run(dir, mvn, "-q", "-Dmaven.test.skip=true", "package");
        assertThat(code).as("build in %s: %s", dir, Files.readString(lastLog)).isZero();
        Path jar = dir.resolve("target/marsai-schema-cli.jar");
        assertThat(jar).exists();
        return jar;
    }

    /** Runs a command in {@code dir}, its output to a log in the work directory ({@link #lastLog}). */
    private static int run(Path dir, String... command) throws Exception {
        lastLog = Files.createTempFile(work, "command", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(lastLog.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }
}
