package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.marsai.schema.testing.ExpectedSchema;
import org.junit.jupiter.api.Test;

/**
 * The files the tests compare with that are derived, not written by hand: the offline script of the whole changelog
 * ({@code golden/update-offline.sql}) and the final picture of the specification ({@code schema/expected-schema.txt},
 * the fold of the hand-written {@code expected-steps.txt}). After a changelog change, regenerate both with
 *
 * <pre>mvn -q test -Dtest=GoldenFilesTest,SchemaDocsTest -Dgolden.update=true</pre>
 *
 * and review them with {@code git diff src/test/resources}: the diff is the new migration's SQL and schema.
 */
class GoldenFilesTest {

    static final String COMMAND = "mvn -q test -Dtest=GoldenFilesTest,SchemaDocsTest -Dgolden.update=true";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Path RESOURCES = Path.of("src", "test", "resources");

    @Test
    void offlineScriptIsTheReviewedGoldenFile() throws IOException {
        check("golden/update-offline.sql", OfflinePreviewTest.stable(MarsSchema.configure().load().updateSql()));
    }

    /**
     * Compared as a set of lines; regenerated keeping the file's comments and the place of every line that stays
     * (a new line goes after the last line of its table), so that its diff shows only what changed.
     */
    @Test
    void finalPictureIsTheFoldOfTheSpecifiedSteps() throws IOException {
        Path path = RESOURCES.resolve("schema/expected-schema.txt");
        List<String> old = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<String> wanted = ExpectedSchema.load().afterAll();
        if (!UPDATE) {
            assertThat(ExpectedSchema.committedFinalPicture()).as("%s is not the fold of expected-steps.txt: regenerate it"
                    + " with `%s` and review the diff", path, COMMAND).containsExactlyElementsOf(wanted);
            return;
        }
        List<String> lines = new ArrayList<>(old.stream().filter(l -> l.startsWith("#") || wanted.contains(l)).toList());
        wanted.stream().filter(l -> !old.contains(l)).sorted(Comparator.comparing((String l) -> l.split(" ")[1])
                .thenComparing(GoldenFilesTest::rank)).forEach(line -> {
                    int last = -1;
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).startsWith("#") && lines.get(i).split(" ")[1].equals(line.split(" ")[1])) {
                            last = i;
                        }
                    }
                    lines.add(last < 0 ? lines.size() : last + 1, line);
                });
        check("schema/expected-schema.txt", String.join("\n", lines) + "\n");
    }

    /** Within a table: the table, its columns by position, its indexes, its foreign keys. */
    private static int rank(String line) {
        String[] words = line.split(" ");
        return switch (words[0]) {
            case "table" -> 0;
            case "column" -> 1 + Integer.parseInt(words[2]);
            case "index" -> 10_000;
            default -> 20_000;
        };
    }

    private static void check(String file, String actual) throws IOException {
        Path path = RESOURCES.resolve(file);
        if (UPDATE) {
            Files.writeString(path, actual, StandardCharsets.UTF_8);
            System.out.println("[marsai-schema] wrote " + path + ": review it with git diff " + path);
            return;
        }
        assertThat(actual).as("%s is out of date: regenerate it with `%s` and review the diff", path, COMMAND)
                .isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
    }
}
