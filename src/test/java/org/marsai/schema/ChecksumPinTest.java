package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import org.marsai.schema.testing.Changelogs;
import org.marsai.schema.testing.ExpectedSchema;
import org.junit.jupiter.api.Test;

/**
 * Released changesets are immutable: their checksums are pinned in
 * {@code src/main/resources/org/marsai/schema/changelog-index.tsv}, the index the library reads.
 * If this fails because you edited a changeset, revert the edit and add a new changeset in a new file;
 * if it fails because you added a changeset, add the line the failure shows.
 */
class ChecksumPinTest {

    private static List<String[]> index() {
        List<String[]> lines = new ArrayList<>();
        ExpectedSchema.resource("/org/marsai/schema/changelog-index.tsv").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> lines.add(l.split("\t", 4)));
        return lines;
    }

    private static String line(ChangeSet cs) {
        boolean conditional = cs.getPreconditions() != null && !cs.getPreconditions().getNestedPreconditions().isEmpty();
        return cs.toString(false) + "\t" + cs.generateCheckSum(ChecksumVersion.V9) + "\t"
                + (conditional ? "if-missing" : "always") + "\t" + cs.getComments();
    }

    @Test
    void everyChangeSetKeepsItsPinnedChecksum() {
        List<String[]> index = index();
        List<ChangeSet> changeSets = Changelogs.changeSets();
        assertThat(index.stream().map(f -> f[0])).as("changesets in changelog-index.tsv, in order (a released changeset"
                + " may not be removed; a new one needs its line)").containsExactlyElementsOf(
                changeSets.stream().map(cs -> cs.toString(false)).toList());
        for (int i = 0; i < changeSets.size(); i++) {
            ChangeSet cs = changeSets.get(i);
            assertThat(index.get(i)[1]).as("checksum of %s: it was released, so it may not be edited; revert the edit"
                    + " and add a new changeset instead", cs).isEqualTo(cs.generateCheckSum(ChecksumVersion.V9).toString());
        }
    }

    @Test
    void theIndexDescribesEveryChangeSetAsTheChangelogDoes() {
        List<String[]> index = index();
        List<ChangeSet> changeSets = Changelogs.changeSets();
        for (int i = 0; i < Math.min(index.size(), changeSets.size()); i++) {
            assertThat(String.join("\t", index.get(i))).as("index line %d (its line should read as shown)", i + 1)
                    .isEqualTo(line(changeSets.get(i)));
        }
    }
}
