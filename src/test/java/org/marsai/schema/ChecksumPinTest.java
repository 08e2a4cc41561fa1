package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marsai.schema.internal.build.ChangelogBuild;
import org.marsai.schema.internal.build.IndexEntry;
import org.marsai.schema.internal.build.ReleasePins;
import org.marsai.schema.testing.Changelogs;
import org.marsai.schema.testing.ExpectedSchema;

/**
 * Released changesets are immutable: their checksums are pinned per release in {@code changelogs/released/VERSION.tsv},
 * and the build ({@code ChangelogBuild}) fails in one line when a pinned changeset changes, disappears or moves. A
 * changeset in no pin file is new and passes. If this fails because you edited a released changeset, revert the
 * edit and add a new changeset in a new file.
 */
class ChecksumPinTest {

    private static final String FILE = "marsai-schema/20260128100000-create-users.yaml";
    private static final String PINS = "# released\n" + FILE + "::a::marsai\t9:aaa\n" + FILE + "::b::marsai\t9:bbb\n";

    private static IndexEntry entry(String id, String checksum) {
        return new IndexEntry(FILE + "::" + id + "::marsai", checksum, false, "", "changelogs/20260128100000-create-users.yaml");
    }

    /** Liquibase's parse of changelogs/, after the build's checks; parsed once for the tests that read it. */
    private static List<IndexEntry> checkedEntries;

    private static List<IndexEntry> checkedEntries() throws IOException, ChangelogBuild.ChangelogProblem {
        if (checkedEntries == null) {
            checkedEntries = new ChangelogBuild(Changelogs.FOLDER).checkedEntries();
        }
        return checkedEntries;
    }

    private static List<String> check(IndexEntry... changelog) {
        return ReleasePins.parse(Map.of("changelogs/released/1.0.0.tsv", PINS)).check(List.of(changelog));
    }

    @Test
    void everyReleasedChangeSetKeepsItsPinnedChecksumAndPlace() throws Exception {
        List<IndexEntry> entries = checkedEntries();
        assertThat(entries).as("changesets of the changelog").isNotEmpty();
        ReleasePins pins = ReleasePins.read(Changelogs.FOLDER.resolve("released"));
        assertThat(pins.pins()).as("changesets released in 1.0.0").isNotEmpty();
        assertThat(pins.check(entries)).isEmpty();
    }

    @Test
    void thePackagedIndexIsWhatLiquibaseReadsInTheChangelog() throws Exception {
        List<IndexEntry> entries = checkedEntries();
        assertThat(ExpectedSchema.resource("/" + ChangelogBuild.INDEX)).as("target/classes/%s: rebuild (mvn process-classes)",
                ChangelogBuild.INDEX).isEqualTo(ChangelogBuild.index(entries));
        assertThat(entries.stream().map(IndexEntry::identity)).containsExactlyElementsOf(
                Changelogs.changeSets().stream().map(cs -> cs.toString(false)).toList());
    }

    @Test
    void aNewChangeSetAfterTheReleasedOnesPasses() {
        assertThat(check(entry("a", "9:aaa"), entry("b", "9:bbb"), entry("c", "9:ccc"))).isEmpty();
    }

    @Test
    void anEditedReleasedChangeSetFailsInOneLineNamingTheFileAndTheFix() {
        assertThat(check(entry("a", "9:aaa"), entry("b", "9:xxx"))).singleElement().asString()
                .startsWith("changelogs/20260128100000-create-users.yaml: changeset b was released in 1.0.0 and has been"
                        + " edited (checksum 9:bbb, now 9:xxx)")
                .endsWith("fix forward with a new changeset in a new file.").doesNotContain("\n");
    }

    @Test
    void aRemovedReleasedChangeSetFails() {
        assertThat(check(entry("a", "9:aaa"), entry("c", "9:ccc"))).singleElement().asString()
                .contains("changeset b was released in 1.0.0 and is gone from the changelog");
    }

    @Test
    void releasedChangeSetsKeepTheirOrderAndComeFirst() {
        assertThat(check(entry("b", "9:bbb"), entry("a", "9:aaa"))).singleElement().asString()
                .contains("changeset a was released in 1.0.0 as number 1 of the changelog and has moved");
        assertThat(check(entry("c", "9:ccc"), entry("a", "9:aaa"), entry("b", "9:bbb"))).singleElement().asString()
                .contains("new changeset c comes before changeset a, released in 1.0.0")
                .contains("move its include line to the end of changelogs/marsai-changelog.yaml");
    }

    @Test
    void laterReleasesPinOnTopOfEarlierOnes() {
        ReleasePins pins = ReleasePins.parse(new LinkedHashMap<>(Map.of("changelogs/released/1.0.0.tsv", PINS)));
        assertThat(pins.latestRelease()).hasValue("1.0.0");
        Map<String, String> two = new LinkedHashMap<>();
        two.put("changelogs/released/1.0.0.tsv", PINS);
        two.put("changelogs/released/1.1.0.tsv", PINS + FILE + "::c::marsai\t9:ccc\n");
        ReleasePins both = ReleasePins.parse(two);
        assertThat(both.pins()).extracting(ReleasePins.Pin::release).containsExactly("1.0.0", "1.0.0", "1.1.0");
        assertThat(both.check(List.of(entry("a", "9:aaa"), entry("b", "9:bbb"), entry("c", "9:xxx")))).singleElement()
                .asString().contains("changeset c was released in 1.1.0 and has been edited");
    }

    @Test
    void aFileLeftOutOfTheRootChangelogIsNamedWithTheLineToAdd() throws Exception {
        Path copy = Files.createTempDirectory("changelogs");
        try {
            List<String> names = new ArrayList<>();
            try (var files = Files.list(Changelogs.FOLDER)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                    names.add(file.getFileName().toString());
                }
            }
            Files.writeString(copy.resolve("20991231235959-add-nothing.yaml"), "databaseChangeLog: []\n");
            assertThatThrownBy(() -> new ChangelogBuild(copy).checkedEntries())
                    .isInstanceOf(ChangelogBuild.ChangelogProblem.class)
                    .hasMessage("changelogs/20991231235959-add-nothing.yaml is not included: add the line `  - include: {"
                            + " file: 20991231235959-add-nothing.yaml, relativeToChangelogFile: true }` at the end of"
                            + " changelogs/marsai-changelog.yaml.");
            assertThat(names).contains(Changelogs.ROOT_FILE);
        } finally {
            try (var files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
