package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * README's "Adding a migration", walked in a copy of the project: the scaffold, a new nullable column, its block of
 * the specification, the golden files regenerated, the build with its unit tests, then the built command line's
 * update and rollback on a real server. And the guard: an edited released changeset fails the build in one line.
 * Three Maven builds, offline (the local repository is filled by the build that runs this test).
 */
class AddMigrationIT {

    private static final String NAME = "add-walk-note-to-users";
    private static final String MIGRATION = "20991231000000-" + NAME;

    record Run(int code, String output) {
    }

    @Test
    void aNewColumnIsOneFileAndOneIncludeLineThroughBuildTestsUpdateAndRollback() throws Exception {
        Path copy = copyOfTheProject();
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Run scaffold = run(copy, java(), "src/build/NewMigration.java", NAME, "--at", "20991231000000");
            assertThat(scaffold.code()).as(scaffold.output()).isZero();
            Path file = copy.resolve("changelogs").resolve(MIGRATION + ".yaml");
            assertThat(Files.readString(file)).contains("id: " + MIGRATION, "TODO");
            Files.writeString(file, Files.readString(file)
                    .replace("\"TODO one sentence: what this changeset does, e.g. Add column bar.foo.\"", "Add column users.walk_note.")
                    .replace("TODO_TABLE", "users").replace("TODO_COLUMN", "walk_note").replace("VARCHAR(255)", "VARCHAR(100)"));

            List<String> before = ExpectedSchema.load().afterAll();
            long usersColumns = before.stream().filter(l -> l.startsWith("column users ")).count();
            String column = "column users " + (usersColumns + 1) + " walk_note varchar(100) NULL default=NULL";
            Files.writeString(copy.resolve("src/test/resources/schema/expected-steps.txt"), "\n@ " + MIGRATION + "\n+ "
                    + column + "\n", StandardOpenOption.APPEND);

            Run golden = run(copy, "mvn", "-B", "-o", "-q", "test", "-Dtest=GoldenFilesTest,SchemaDocsTest", "-Dgolden.update=true");
            assertThat(golden.code()).as(golden.output()).isZero();
            assertThat(Files.readString(copy.resolve("src/test/resources/golden/update-offline.sql")))
                    .contains("ALTER TABLE users ADD walk_note VARCHAR(100)");
            assertThat(Files.readString(copy.resolve("src/test/resources/schema/expected-schema.txt"))).contains(column);

            Run build = run(copy, "mvn", "-B", "-o", "-q", "package");
            assertThat(build.code()).as("build and unit tests in the copy:\n%s", build.output()).isZero();

            Run update = cli(copy, db, "update");
            assertThat(update.code()).as(update.output()).isZero();
            assertThat(update.output()).contains("up to " + MIGRATION);
            assertThat(ExpectedSchema.sorted(db.picture())).contains(column);
            assertThat(cli(copy, db, "status").output()).contains("Up to date: all " + (Migrations.count() + 1) + " migrations applied.");

            Run rollback = cli(copy, db, "rollback", "--count", "1");
            assertThat(rollback.code()).as(rollback.output()).isZero();
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(before);
            assertThat(cli(copy, db, "status").output()).contains(Migrations.count() + " of " + (Migrations.count() + 1)
                    + " migrations applied; 1 migration pending (1 changeset).");

            Path released = copy.resolve("changelogs/20260128100001-create-categories.yaml");
            Files.writeString(released, Files.readString(released).replace("VARCHAR(255)", "VARCHAR(200)"));
            Run refused = run(copy, "mvn", "-B", "-o", "-q", "-DskipTests", "package");
            assertThat(refused.code()).as(refused.output()).isNotZero();
            assertThat(refused.output().lines().filter(l -> l.contains("[marsai-schema] "))
                    .map(l -> l.substring(l.indexOf("[marsai-schema] ")).replaceAll("\u001B\\[[0-9;]*m", "")).toList())
                    .singleElement()
                    .asString().startsWith("[marsai-schema] changelogs/20260128100001-create-categories.yaml: changeset"
                            + " 20260128100001-create-categories was released in 1.0.0 and has been edited")
                    .endsWith("revert the edit and fix forward with a new changeset in a new file.");
            assertThat(refused.output()).as("no stack trace").doesNotContain("\tat ");
        } finally {
            delete(copy);
        }
    }

    /** The project's files as git knows them (tracked, and new ones not ignored), without target/. */
    private static Path copyOfTheProject() throws IOException, InterruptedException {
        Path copy = Files.createTempDirectory("marsai-add-migration");
        Run files = run(Path.of("").toAbsolutePath(), "git", "ls-files", "--cached", "--others", "--exclude-standard");
        assertThat(files.code()).as(files.output()).isZero();
        for (String name : files.output().lines().toList()) {
            Path source = Path.of(name);
            if (Files.isRegularFile(source)) {
                Path target = copy.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return copy;
    }

    private static Run cli(Path copy, TestDatabase db, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", "target/marsai-schema-cli.jar"));
        command.addAll(List.of(args));
        command.addAll(List.of("--url=" + db.url(), "--username=" + db.user()));
        return run(copy, List.of("DB_PASSWORD", db.password()), command.toArray(String[]::new));
    }

    private static Run run(Path directory, String... command) throws IOException, InterruptedException {
        return run(directory, List.of(), command);
    }

    private static Run run(Path directory, List<String> variable, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("marsai-add-migration", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            if (!variable.isEmpty()) {
                builder.environment().put(variable.get(0), variable.get(1));
            }
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 15 minutes");
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
