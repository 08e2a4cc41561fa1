package org.marsai.schema.internal.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checksums of released changesets, one file per release ({@code changelogs/released/1.0.0.tsv}: identity and
 * checksum, in changelog order). A released changeset may not change, disappear or move, and released changesets
 * come first in the changelog; a changeset in no pin file is new and free to change until it is released.
 */
public final class ReleasePins {

    /** A pinned changeset: its identity, its checksum, and the release that pinned it first. */
    public record Pin(String identity, String checksum, String release) {
    }

    private final List<Pin> pins;
    private final List<String> problems;

    private ReleasePins(List<Pin> pins, List<String> problems) {
        this.pins = List.copyOf(pins);
        this.problems = List.copyOf(problems);
    }

    /** Reads every {@code VERSION.tsv} in {@code folder} (none if it does not exist), oldest release first. */
    public static ReleasePins read(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".tsv")).forEach(files::add);
            }
        }
        files.sort(Comparator.comparing(ReleasePins::version, ReleasePins::compareVersions));
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path file : files) {
            texts.put(display(folder, file), Files.readString(file, StandardCharsets.UTF_8));
        }
        return parse(texts);
    }

    /** Pins from the texts of pin files, keyed by their path for messages, in release order. */
    public static ReleasePins parse(Map<String, String> files) {
        Map<String, Pin> byIdentity = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        files.forEach((file, text) -> {
            String release = version(Path.of(file));
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 2 || fields[0].split("::").length != 3 || !fields[1].startsWith("9:")) {
                    problems.add(file + " line " + (i + 1) + " is not identity<TAB>checksum: restore the file from git"
                            + " (a pin file is written once, at the release, and never edited).");
                    continue;
                }
                Pin earlier = byIdentity.get(fields[0]);
                if (earlier == null) {
                    byIdentity.put(fields[0], new Pin(fields[0], fields[1], release));
                } else if (!earlier.checksum().equals(fields[1])) {
                    problems.add(file + " pins " + fields[0] + " with checksum " + fields[1] + " but release "
                            + earlier.release() + " pinned " + earlier.checksum() + ": restore the file from git.");
                }
            }
        });
        return new ReleasePins(new ArrayList<>(byIdentity.values()), problems);
    }

    public List<Pin> pins() {
        return pins;
    }

    /** The newest release pinned, if any. */
    public Optional<String> latestRelease() {
        return pins.stream().map(Pin::release).max(ReleasePins::compareVersions);
    }

    /**
     * What the changelog does wrong against the pins, one line each, naming the file and the fix; empty when
     * every released changeset is there, unchanged, in its place, before every new one.
     */
    public List<String> check(List<IndexEntry> changelog) {
        List<String> found = new ArrayList<>(problems);
        Map<String, IndexEntry> current = new HashMap<>();
        changelog.forEach(e -> current.put(e.identity(), e));
        boolean complete = true;
        for (Pin pin : pins) {
            IndexEntry entry = current.get(pin.identity());
            if (entry == null) {
                complete = false;
                found.add(fileOf(pin.identity()) + ": changeset " + id(pin.identity()) + " was released in "
                        + pin.release() + " and is gone from the changelog; restore it (and its include line), then fix"
                        + " forward with a new changeset in a new file.");
            } else if (!entry.checksum().equals(pin.checksum())) {
                found.add(entry.file() + ": changeset " + entry.id() + " was released in " + pin.release()
                        + " and has been edited (checksum " + pin.checksum() + ", now " + entry.checksum()
                        + "); revert the edit and fix forward with a new changeset in a new file.");
            }
        }
        if (complete) {
            for (int i = 0; i < pins.size(); i++) {
                Pin pin = pins.get(i);
                IndexEntry at = changelog.get(i);
                if (at.identity().equals(pin.identity())) {
                    continue;
                }
                if (pins.stream().noneMatch(p -> p.identity().equals(at.identity()))) {
                    found.add(at.file() + ": new changeset " + at.id() + " comes before changeset " + id(pin.identity())
                            + ", released in " + pin.release() + "; new changesets go after the released ones: move its"
                            + " include line to the end of changelogs/marsai-changelog.yaml.");
                } else {
                    found.add(fileOf(pin.identity()) + ": changeset " + id(pin.identity()) + " was released in "
                            + pin.release() + " as number " + (i + 1) + " of the changelog and has moved; restore the"
                            + " order of the include lines in changelogs/marsai-changelog.yaml (released order: changelogs/released/).");
                }
                break;
            }
        }
        return found;
    }

    /** The pin file of a release: the changelog as it is now. */
    public static String pinFile(String release, List<IndexEntry> changelog) {
        StringBuilder text = new StringBuilder("# The changesets released in marsai-schema " + release
                + ", in changelog order: identity<TAB>checksum (Liquibase, version 9).\n"
                + "# Written once at the release (README, Releases); never edited. The build fails when a changeset\n"
                + "# listed here changes, disappears or moves: fix forward with a new changeset in a new file.\n");
        changelog.forEach(e -> text.append(e.pinLine()).append('\n'));
        return text.toString();
    }

    static String fileOf(String identity) {
        String path = identity.split("::")[0];
        return "changelogs/" + path.substring(path.lastIndexOf('/') + 1);
    }

    private static String id(String identity) {
        String[] parts = identity.split("::");
        return parts.length == 3 ? parts[1] : identity;
    }

    private static String display(Path folder, Path file) {
        return "changelogs/" + folder.getFileName() + "/" + file.getFileName();
    }

    private static String version(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".tsv") ? name.substring(0, name.length() - 4) : name;
    }

    /** Semantic versions compared number by number: 1.10.0 comes after 1.9.0. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static int number(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
