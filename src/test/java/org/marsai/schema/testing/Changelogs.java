package org.marsai.schema.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/** The changelog as Liquibase parses it from the repository's {@code changelogs/} folder. */
public final class Changelogs {

    public static final Path FOLDER = Path.of("changelogs");
    public static final String ROOT_FILE = "marsai-changelog.yaml";

    private Changelogs() {
    }

    public static DatabaseChangeLog parseFolder() {
        try {
            ResourceAccessor accessor = new DirectoryResourceAccessor(FOLDER.toFile());
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), accessor);
            scope.put("liquibase.analytics.enabled", false);
            return Scope.child(scope, () -> ChangeLogParserFactory.getInstance().getParser(ROOT_FILE, accessor)
                    .parse(ROOT_FILE, new ChangeLogParameters(), accessor));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parsed once per JVM: the tests only read it. */
    private static final class Parsed {
        static final List<ChangeSet> CHANGE_SETS = List.copyOf(parseFolder().getChangeSets());
    }

    public static List<ChangeSet> changeSets() {
        return Parsed.CHANGE_SETS;
    }

    /** The migration a changeset belongs to: its file's name without {@code .yaml}. */
    public static String migrationOf(ChangeSet changeSet) {
        String path = changeSet.getFilePath();
        return path.substring(path.lastIndexOf('/') + 1).replace(".yaml", "");
    }
}
