package org.marsai.schema.internal.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Run by the build before packaging (antrun step {@code changelog} in pom.xml): reads {@code changelogs/} as Liquibase
 * does, checks it against the release pins and writes {@code changelog-index.tsv} into the classes directory.
 *
 * <pre>
 * java ChangelogBuild CHANGELOGS_DIR CLASSES_DIR               the index (fails on any problem, one line each)
 * java ChangelogBuild CHANGELOGS_DIR CLASSES_DIR --pin VERSION  also writes changelogs/released/VERSION.tsv
 * </pre>
 */
public final class ChangelogBuild {

    /** Where the library reads the index (Changelog.INDEX). */
    public static final String INDEX = "org/marsai/schema/changelog-index.tsv";
    public static final String ROOT = "marsai-changelog.yaml";
    private static final String LOGICAL_PREFIX = "marsai-schema/";
    private static final String AUTHOR = "marsai";
    private static final Pattern YAML_FILE = Pattern.compile("([\\w./-]+\\.yaml)");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*-\\s*include:\\s*\\{\\s*file:\\s*([^,}\\s]+)");

    private final Path changelogs;

    public ChangelogBuild(Path changelogs) {
        this.changelogs = changelogs;
    }

    /** A problem with the changelog, said in one line naming the file and the fix. */
    public static final class ChangelogProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> lines;

        ChangelogProblem(List<String> lines) {
            super(String.join("\n", lines), null, false, false);
            this.lines = List.copyOf(lines);
        }

        public List<String> lines() {
            return lines;
        }
    }

    public static void main(String[] args) {
        try {
            ChangelogBuild build = new ChangelogBuild(Path.of(args[0]));
            List<IndexEntry> entries = build.checkedEntries();
            Path index = Path.of(args[1]).resolve(INDEX);
            Files.createDirectories(index.getParent());
            Files.writeString(index, index(entries), StandardCharsets.UTF_8);
            if (args.length > 3 && args[2].equals("--pin")) {
                build.pin(args[3], entries);
            }
        } catch (ChangelogProblem e) {
            e.lines().forEach(line -> System.err.println("[marsai-schema] " + line));
            System.exit(1);
        } catch (IOException | RuntimeException e) {
            System.err.println("[marsai-schema] The changelog index could not be written (" + e + "): rerun the build;"
                    + " if it fails again, run it with -e and report the error.");
            System.exit(1);
        }
    }

    /** The changesets of the changelog, after every check: the files, then Liquibase's parse, then the pins. */
    public List<IndexEntry> checkedEntries() throws IOException, ChangelogProblem {
        List<String> problems = new ArrayList<>(fileProblems());
        if (!problems.isEmpty()) {
            throw new ChangelogProblem(problems);
        }
        List<IndexEntry> entries = entries();
        ReleasePins pins = ReleasePins.read(changelogs.resolve("released"));
        problems.addAll(pins.check(entries));
        problems.addAll(placeholderProblems(entries, pins));
        if (!problems.isEmpty()) {
            throw new ChangelogProblem(problems);
        }
        return entries;
    }

    /** Files not included, includes of missing files, and files without their fixed logicalFilePath. */
    List<String> fileProblems() throws IOException {
        List<String> problems = new ArrayList<>();
        Path root = changelogs.resolve(ROOT);
        List<String> included = new ArrayList<>();
        for (String line : Files.readAllLines(root, StandardCharsets.UTF_8)) {
            Matcher m = INCLUDE.matcher(line);
            if (m.find()) {
                included.add(m.group(1));
                if (!Files.isRegularFile(changelogs.resolve(m.group(1)))) {
                    problems.add("changelogs/" + ROOT + " includes " + m.group(1) + ", which does not exist: create"
                            + " changelogs/" + m.group(1) + " (java src/build/NewMigration.java NAME) or remove the line.");
                }
            }
        }
        List<String> files;
        try (Stream<Path> list = Files.list(changelogs)) {
            files = list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.equals(ROOT))
                    .sorted().toList();
        }
        for (String file : files) {
            if (!included.contains(file)) {
                problems.add("changelogs/" + file + " is not included: add the line `  - include: { file: " + file
                        + ", relativeToChangelogFile: true }` at the end of changelogs/" + ROOT + ".");
                continue;
            }
            String first = Files.readAllLines(changelogs.resolve(file), StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> l.startsWith("- ")).findFirst().orElse("");
            if (!first.equals("- logicalFilePath: " + LOGICAL_PREFIX + file)) {
                problems.add("changelogs/" + file + ": its first entry must be `- logicalFilePath: " + LOGICAL_PREFIX
                        + file + "` (the identity databases record); add or correct it.");
            }
        }
        return problems;
    }

    /** New files that still hold the scaffold's placeholders. */
    private List<String> placeholderProblems(List<IndexEntry> entries, ReleasePins pins) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> released = new HashSet<>();
        pins.pins().forEach(p -> released.add(ReleasePins.fileOf(p.identity())));
        for (String file : entries.stream().map(IndexEntry::file).distinct().toList()) {
            if (!released.contains(file) && Files.readString(changelogs.resolve(file.substring("changelogs/".length())),
                    StandardCharsets.UTF_8).contains("TODO")) {
                problems.add(file + " still holds the scaffold's TODO placeholders: replace them with the change, its"
                        + " rollback and its comment.");
            }
        }
        return problems;
    }

    /** Liquibase's parse of the changelog folder, as index entries. */
    public List<IndexEntry> entries() throws ChangelogProblem {
        List<ChangeSet> changeSets;
        Logger liquibase = Logger.getLogger("liquibase");
        Level level = liquibase.getLevel();
        liquibase.setLevel(Level.WARNING);
        try {
            ResourceAccessor accessor = new DirectoryResourceAccessor(changelogs.toFile());
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), accessor);
            scope.put("liquibase.analytics.enabled", false);
            changeSets = Scope.child(scope, () -> ChangeLogParserFactory.getInstance().getParser(ROOT, accessor)
                    .parse(ROOT, new ChangeLogParameters(), accessor)).getChangeSets();
        } catch (Exception e) {
            throw new ChangelogProblem(List.of(parseProblem(e)));
        } finally {
            liquibase.setLevel(level);
        }
        List<IndexEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ChangeSet changeSet : changeSets) {
            String path = changeSet.getFilePath().replace('\\', '/');
            String file = path.substring(path.lastIndexOf('/') + 1);
            String migration = file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
            if (changeSet.getId() == null || !changeSet.getId().startsWith(migration)) {
                problems.add("changelogs/" + file + ": changeset id " + changeSet.getId() + " does not start with the"
                        + " file's name: name it " + migration + " (or " + migration + "-WHAT for a second one).");
            } else if (!AUTHOR.equals(changeSet.getAuthor())) {
                problems.add("changelogs/" + file + ": changeset " + changeSet.getId() + " has author "
                        + changeSet.getAuthor() + ": every changeset's author is " + AUTHOR + ".");
            }
            entries.add(new IndexEntry(changeSet.toString(false), changeSet.generateCheckSum(ChecksumVersion.V9).toString(),
                    conditional(changeSet), changeSet.getComments() == null ? "" : changeSet.getComments().strip(),
                    "changelogs/" + file));
        }
        if (!problems.isEmpty()) {
            throw new ChangelogProblem(problems);
        }
        return entries;
    }

    /** A changeset that acts only where its change is missing: preconditions that mark it ran when they fail. */
    static boolean conditional(ChangeSet changeSet) {
        PreconditionContainer preconditions = changeSet.getPreconditions();
        return preconditions != null && !preconditions.getNestedPreconditions().isEmpty()
                && preconditions.getOnFail() == PreconditionContainer.FailOption.MARK_RAN;
    }

    /** The text of {@code changelog-index.tsv}. */
    public static String index(List<IndexEntry> entries) {
        StringBuilder text = new StringBuilder("# Every changeset of the MarsAI changelog, in order: identity (file::id::author),"
                + " checksum (Liquibase,\n# version 9), whether it acts only where its change is missing, and its comment."
                + " Written by the build\n# from changelogs/ (ChangelogBuild); the library reads it to answer status, history"
                + " and an up-to-date\n# update without starting Liquibase.\n");
        entries.forEach(e -> text.append(e.indexLine()).append('\n'));
        return text.toString();
    }

    /** Writes {@code changelogs/released/VERSION.tsv}: the release step that makes today's changesets released. */
    void pin(String release, List<IndexEntry> entries) throws IOException, ChangelogProblem {
        if (!release.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new ChangelogProblem(List.of("-Drelease=" + release + " is not a version like 1.1.0: give the"
                    + " version being released."));
        }
        Path file = changelogs.resolve("released").resolve(release + ".tsv");
        if (Files.exists(file)) {
            throw new ChangelogProblem(List.of("changelogs/released/" + release + ".tsv exists already: a release is"
                    + " pinned once; give the next version."));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, ReleasePins.pinFile(release, entries), StandardCharsets.UTF_8);
        System.out.println("[marsai-schema] wrote changelogs/released/" + release + ".tsv (" + entries.size()
                + " changesets): commit it with the release.");
    }

    /** Liquibase's parse error in one line, naming the file it names (the root if none). */
    static String parseProblem(Throwable e) {
        String file = ROOT;
        String detail = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher named = YAML_FILE.matcher(message);
            while (named.find()) {
                if (!named.group(1).equals(ROOT)) {
                    file = named.group(1).substring(named.group(1).lastIndexOf('/') + 1);
                }
            }
            if (detail == null && !message.isBlank()) {
                detail = message.replaceFirst("^Error parsing \\S+ ?: ?", "");
            }
        }
        String line = String.valueOf(detail).replaceAll("\\s+", " ").replaceAll("\\^ ", "").strip();
        if (line.length() > 240) {
            line = line.substring(0, 240) + "…";
        }
        return "changelogs/" + file + " cannot be read by Liquibase (" + line + "): fix the YAML there.";
    }
}
