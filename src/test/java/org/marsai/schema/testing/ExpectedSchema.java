package org.marsai.schema.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The schema the specification implies after each migration, from the hand-written
 * {@code schema/expected-steps.txt}: independent of the changelog it checks.
 */
public final class ExpectedSchema {

    private final Map<String, List<String>> added = new LinkedHashMap<>();
    private final Map<String, List<String>> removed = new LinkedHashMap<>();

    private ExpectedSchema() {
    }

    public static ExpectedSchema load() {
        ExpectedSchema expected = new ExpectedSchema();
        String current = null;
        for (String line : resource("/schema/expected-steps.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@ ")) {
                current = line.substring(2).trim();
                expected.added.put(current, new ArrayList<>());
                expected.removed.put(current, new ArrayList<>());
            } else if (line.startsWith("+ ")) {
                expected.added.get(current).add(line.substring(2));
            } else if (line.startsWith("- ")) {
                expected.removed.get(current).add(line.substring(2));
            } else {
                throw new IllegalStateException("Bad line in expected-steps.txt: " + line);
            }
        }
        return expected;
    }

    public static String resource(String path) {
        try (InputStream in = ExpectedSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The migrations the file describes, in order. */
    public List<String> migrations() {
        return List.copyOf(added.keySet());
    }

    /**
     * The sorted picture once {@code migration} has run, with every migration before it; fails in one line when the
     * file has no block for it.
     */
    public List<String> afterMigration(String migration) {
        int index = migrations().indexOf(migration);
        if (index < 0) {
            throw new IllegalStateException(missingBlock(migration));
        }
        return after(index + 1);
    }

    /** Whether the file describes {@code migration}. */
    public boolean describes(String migration) {
        return added.containsKey(migration);
    }

    /** The one-line message for a migration of the changelog that the file does not describe yet. */
    public static String missingBlock(String migration) {
        return "src/test/resources/schema/expected-steps.txt has no block for migration " + migration + ": add `@ "
                + migration + "` after the block of the migration before it, with the lines it adds (+) and removes (-),"
                + " written from the specification (ExpectedSchemaModelTest prints the block the changelog implies).";
    }

    /** A block of the file: what a migration adds to and removes from the picture {@code before}. */
    public static String block(String migration, List<String> before, List<String> after) {
        StringBuilder block = new StringBuilder("@ " + migration + "\n");
        before.stream().filter(l -> !after.contains(l)).forEach(l -> block.append("- ").append(l).append('\n'));
        after.stream().filter(l -> !before.contains(l)).forEach(l -> block.append("+ ").append(l).append('\n'));
        return block.toString();
    }

    /** The sorted picture after the first {@code count} migrations (0: an empty database). */
    public List<String> after(int count) {
        TreeSet<String> picture = new TreeSet<>();
        List<String> names = migrations();
        for (int i = 0; i < count; i++) {
            String name = names.get(i);
            for (String line : removed.get(name)) {
                if (!picture.remove(line)) {
                    throw new IllegalStateException(name + " removes a line that is not there: " + line);
                }
            }
            picture.addAll(added.get(name));
        }
        return List.copyOf(picture);
    }

    public List<String> afterAll() {
        return after(migrations().size());
    }

    /** The final picture as committed in {@code schema/expected-schema.txt}, sorted. */
    public static List<String> committedFinalPicture() {
        return resource("/schema/expected-schema.txt").lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .sorted().toList();
    }

    public static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
