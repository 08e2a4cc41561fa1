package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import org.marsai.schema.testing.Changelogs;
import org.marsai.schema.testing.ExpectedSchema;
import org.junit.jupiter.api.Test;

/**
 * Released changesets are immutable: their checksums are pinned in {@code src/main/resources/org/marsai/schema/changelog-checksums.txt}, which the library also reads.
 * If this fails because you edited a changeset, revert the edit and add a new changeset in a new file;
 * if it fails because you added a changeset, add its line to the file.
 */
class ChecksumPinTest {

    @Test
    void everyChangeSetKeepsItsPinnedChecksum() {
        Map<String, String> pinned = new LinkedHashMap<>();
        ExpectedSchema.resource("/org/marsai/schema/changelog-checksums.txt").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> {
                    String[] parts = l.trim().split("\\s+");
                    pinned.put(parts[0], parts[1]);
                });

        Map<String, String> current = new LinkedHashMap<>();
        for (ChangeSet cs : Changelogs.changeSets()) {
            current.put(cs.toString(false), cs.generateCheckSum(ChecksumVersion.V9).toString());
        }

        assertThat(current.keySet()).as("changesets pinned in changelog-checksums.txt (a released changeset"
                + " may not be removed; pin a new one by adding its line)").containsExactlyElementsOf(pinned.keySet());
        current.forEach((changeSet, checksum) -> assertThat(checksum)
                .as("checksum of %s: it was released, so it may not be edited; revert the edit and add a new"
                        + " changeset instead", changeSet)
                .isEqualTo(pinned.get(changeSet)));
    }
}
