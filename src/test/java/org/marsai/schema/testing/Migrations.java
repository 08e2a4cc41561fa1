package org.marsai.schema.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import liquibase.changelog.ChangeSet;

/**
 * The migrations of the changelog as Liquibase reads {@code changelogs/}, for tests that must not hard-code how many
 * there are: adding a migration is one YAML file and one include line, and these follow.
 */
public final class Migrations {

    private static final class Parsed {
        static final Map<String, List<String>> BY_MIGRATION = read();
    }

    private Migrations() {
    }

    private static Map<String, List<String>> read() {
        Map<String, List<String>> byMigration = new LinkedHashMap<>();
        for (ChangeSet changeSet : Changelogs.changeSets()) {
            byMigration.computeIfAbsent(Changelogs.migrationOf(changeSet), k -> new ArrayList<>()).add(changeSet.getId());
        }
        byMigration.replaceAll((k, v) -> List.copyOf(v));
        return byMigration;
    }

    /** The migration names, in changelog order. */
    public static List<String> names() {
        return List.copyOf(Parsed.BY_MIGRATION.keySet());
    }

    public static int count() {
        return Parsed.BY_MIGRATION.size();
    }

    /** How many changesets the changelog holds: the history rows of an up-to-date database. */
    public static int changeSetCount() {
        return Parsed.BY_MIGRATION.values().stream().mapToInt(List::size).sum();
    }

    /** The ids of a migration's changesets, in order. */
    public static List<String> changeSetsOf(String migration) {
        return Parsed.BY_MIGRATION.getOrDefault(migration, List.of());
    }

    public static String last() {
        return names().get(count() - 1);
    }

    /** The migration before the last. */
    public static String beforeLast() {
        return names().get(count() - 2);
    }
}
