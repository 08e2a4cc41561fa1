import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Starts a new migration: {@code java src/build/NewMigration.java add-foo-to-bar} (from the repository root; Java's
 * single-file launcher, no build needed) writes {@code changelogs/<UTC timestamp>-add-foo-to-bar.yaml}, a changeset
 * with its fixed logicalFilePath, id, author, and TODO placeholders for the comment, the change and its rollback,
 * and appends its include line to {@code changelogs/marsai-changelog.yaml}. The build refuses the file until the
 * placeholders are replaced. README, "Adding a migration", says what comes next.
 */
public final class NewMigration {

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--at"))) {
            fail("usage: java src/build/NewMigration.java NAME [--at yyyyMMddHHmmss], NAME like add-foo-to-bar");
        }
        String name = args[0];
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            fail("the name '" + name + "' must be lower-case words joined by '-', like add-foo-to-bar");
        }
        String at = args.length == 3 ? args[2]
                : ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        if (!at.matches("\\d{14}")) {
            fail("--at " + at + " is not a timestamp like 20261203120000");
        }
        Path changelogs = Path.of("changelogs");
        Path root = changelogs.resolve("marsai-changelog.yaml");
        if (!Files.isRegularFile(root)) {
            fail("no changelogs/marsai-changelog.yaml here: run this from the repository root");
        }
        String migration = at + "-" + name;
        Path file = changelogs.resolve(migration + ".yaml");
        if (Files.exists(file)) {
            fail(file + " exists already");
        }
        Files.writeString(file, """
                databaseChangeLog:
                  - logicalFilePath: marsai-schema/%1$s.yaml
                  - changeSet:
                      id: %1$s
                      author: marsai
                      comment: "TODO one sentence: what this changeset does, e.g. Add column bar.foo."
                      # One change per changeset (MySQL commits each DDL statement); a second change is a second
                      # changeSet in this file, with id %1$s-WHAT.
                      changes:
                        - addColumn:
                            tableName: TODO_TABLE
                            columns:
                              - column: { name: TODO_COLUMN, type: "VARCHAR(255)" }
                      rollback:
                        - dropColumn: { tableName: TODO_TABLE, columnName: TODO_COLUMN }
                """.formatted(migration), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        String text = Files.readString(root, StandardCharsets.UTF_8);
        String include = "  - include: { file: " + migration + ".yaml, relativeToChangelogFile: true }\n";
        Files.writeString(root, (text.endsWith("\n") ? text : text + "\n") + include, StandardCharsets.UTF_8);
        System.out.println("Wrote " + file + " and its include line in " + root + ". Next:");
        System.out.println("  1. replace the TODOs in " + file + " (the change, its rollback, its comment);");
        System.out.println("  2. add its block to src/test/resources/schema/expected-steps.txt (from the specification);");
        System.out.println("  3. mvn -q test -Dtest=GoldenFilesTest -Dgolden.update=true, then git diff src/test/resources;");
        System.out.println("  4. mvn -q package (build and unit tests), then mvn verify.");
    }

    private static void fail(String message) {
        System.err.println("NewMigration: " + message + ".");
        System.exit(2);
    }
}
