package org.marsai.schema.internal.liquibase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.model.ModelPreconditions;
import org.marsai.schema.internal.model.SchemaBuilder;
import org.marsai.schema.internal.model.SchemaModel;
import org.marsai.schema.internal.model.UnsupportedChangeException;
import org.marsai.schema.internal.plan.GuardedDrop;

/**
 * The MarsAI changelog: where it lives on the classpath, and which changesets belong to which of the
 * original migrations. A changeset belongs to the migration its file is named after.
 */
public final class Changelog {

    /** The root changelog, as packaged in the jar: the one changelog file every Liquibase command runs. */
    static final String ROOT = "org/marsai/schema/changelogs/marsai-changelog.yaml";
    /** The prefix of every file's fixed logicalFilePath: the identity databases record. */
    public static final String LOGICAL_PREFIX = "marsai-schema/";
    static final String AUTHOR = "marsai";
    /** The prefix under which a rollback moves a MarsAI table or column aside before dropping it ({@link GuardedDrop}). */
    public static final String ASIDE = "_marsai_aside_";

    /**
     * Every changeset, its checksum, whether it is conditional and its comment; written by the build from
     * Liquibase's parse of {@code changelogs/} ({@code internal.build.ChangelogBuild}), never by hand.
     */
    static final String INDEX = "org/marsai/schema/changelog-index.tsv";

    private final List<ChangeSetInfo> changeSets;
    private final Map<String, List<ChangeSetInfo>> byMigration;
    private final Map<ChangeSetInfo, String> checksums;
    private final Set<ChangeSetInfo> conditional;
    private volatile Map<ChangeSetInfo, ChangeSet> parsed;
    private volatile Set<String> tableNames;

    private Changelog(List<ChangeSetInfo> changeSets, Map<ChangeSetInfo, String> checksums,
                      Set<ChangeSetInfo> conditional) {
        this.changeSets = List.copyOf(changeSets);
        this.checksums = Map.copyOf(checksums);
        this.conditional = Set.copyOf(conditional);
        Map<String, List<ChangeSetInfo>> grouped = new LinkedHashMap<>();
        for (ChangeSetInfo changeSet : changeSets) {
            grouped.computeIfAbsent(changeSet.migration(), k -> new ArrayList<>()).add(changeSet);
        }
        grouped.replaceAll((k, v) -> List.copyOf(v));
        this.byMigration = Collections.unmodifiableMap(grouped);
    }

    private static final class Packaged {
        static final Changelog INSTANCE = load();
    }

    /** The changelog packaged in this jar, read once per class loader. */
    public static Changelog packaged() {
        return Packaged.INSTANCE;
    }

    /**
     * Reads the packaged index of the changelog: what status, history and an up-to-date update need,
     * without starting Liquibase. Liquibase parses the changelog itself only when something has to run
     * ({@link #parsed()}), and checks then that it matches this index.
     */
    private static Changelog load() {
        List<ChangeSetInfo> infos = new ArrayList<>();
        Map<ChangeSetInfo, String> checksums = new LinkedHashMap<>();
        Set<ChangeSetInfo> conditional = new HashSet<>();
        try (InputStream in = Changelog.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw damaged(INDEX + " is missing", null);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 4);
                String[] key = fields[0].split("::");
                if (fields.length != 4 || key.length != 3) {
                    throw damaged(INDEX + " has a malformed line: " + line, null);
                }
                ChangeSetInfo info = new ChangeSetInfo(migrationOf(key[0]), key[1], key[2], fields[3].trim());
                infos.add(info);
                checksums.put(info, fields[1]);
                if (fields[2].equals("if-missing")) {
                    conditional.add(info);
                }
            }
        } catch (IOException e) {
            throw damaged("cannot read " + INDEX, e);
        }
        return new Changelog(infos, checksums, conditional);
    }

    private static MarsSchemaException damaged(String problem, Throwable cause) {
        return new MarsSchemaException(ErrorCode.VALIDATION_FAILED, "The packaged changelog is damaged (" + problem
                + "): rebuild the jar or download it again.", cause);
    }

    /** Liquibase's parse of the changelog, made once, when a model of the schema or a command needs it. */
    private Map<ChangeSetInfo, ChangeSet> parsed() {
        Map<ChangeSetInfo, ChangeSet> result = parsed;
        if (result == null) {
            synchronized (this) {
                if (parsed == null) {
                    Map<ChangeSetInfo, ChangeSet> byInfo = new LinkedHashMap<>();
                    LiquibaseScope.call(() -> parse(null)).getChangeSets().forEach(c -> byInfo.put(info(c), c));
                    if (!byInfo.keySet().equals(new HashSet<>(changeSets))) {
                        throw damaged("Liquibase reads other changesets than the index lists", null);
                    }
                    parsed = byInfo;
                }
                result = parsed;
            }
        }
        return result;
    }

    /** Whether the changeset acts only where its change is missing (migrations 15, 16, 18, 20). */
    public boolean isConditional(ChangeSetInfo changeSet) {
        return conditional.contains(changeSet);
    }

    /**
     * Parses the packaged changelog with the given database's parameters (null: none); inside a Liquibase
     * scope. The database is deliberately not put in the parser's scope: there Liquibase would create the
     * history table while parsing, and a preview must not change the database.
     */
    public static DatabaseChangeLog parse(Database database) {
        try {
            ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
            ChangeLogParameters parameters = new ChangeLogParameters(database);
            return ChangeLogParserFactory.getInstance().getParser(ROOT, accessor).parse(ROOT, parameters, accessor);
        } catch (Exception e) {
            throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED,
                    "The packaged changelog " + ROOT + " cannot be read: " + e.getMessage()
                            + ". The jar is damaged or incomplete: rebuild or download it again.", e);
        }
    }

    static ChangeSetInfo info(ChangeSet changeSet) {
        return new ChangeSetInfo(migrationOf(changeSet.getFilePath()), changeSet.getId(), changeSet.getAuthor(),
                changeSet.getComments());
    }

    /** The migration a recorded file path stands for: {@code marsai-schema/NAME.yaml} gives NAME. */
    public static String migrationOf(String filePath) {
        String name = filePath == null ? "" : filePath.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public List<ChangeSetInfo> changeSets() {
        return changeSets;
    }

    /** The migration names, in order. */
    public List<String> migrations() {
        return List.copyOf(byMigration.keySet());
    }

    public List<ChangeSetInfo> changeSetsOf(String migration) {
        return byMigration.getOrDefault(migration, List.of());
    }

    public Optional<ChangeSetInfo> find(String path, String author, String id) {
        String migration = migrationOf(path);
        return changeSetsOf(migration).stream()
                .filter(c -> c.id().equals(id) && c.author().equals(author))
                .findFirst();
    }

    /** The changeset's current checksum, as Liquibase 4.22+ records it ({@code 9:...}). */
    public String checksumOf(ChangeSetInfo changeSet) {
        return checksums.get(changeSet);
    }

    /**
     * The schema the changelog implies once the given changesets have run, in changelog order, worked out
     * without a database.
     */
    public SchemaModel expectedSchema(Collection<ChangeSetInfo> applied) {
        Set<ChangeSetInfo> set = new HashSet<>(applied);
        SchemaBuilder builder = new SchemaBuilder();
        for (ChangeSetInfo changeSet : changeSets) {
            if (set.contains(changeSet)) {
                apply(builder, changeSet);
            }
        }
        return builder.build();
    }

    /**
     * The MarsAI tables: every table name, lower-case, that some state of the changelog has (tables created,
     * renamed, dropped later), worked out once. Any other table of a database is not this library's.
     */
    Set<String> tableNames() {
        Set<String> result = tableNames;
        if (result == null) {
            Set<String> names = new TreeSet<>();
            SchemaModel model = new SchemaBuilder().build();
            for (ChangeSetInfo changeSet : changeSets) {
                model = after(model, changeSet);
                model.tables().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
            }
            result = Set.copyOf(names);
            tableNames = result;
        }
        return result;
    }

    /** Whether a table of a database is a MarsAI table (see {@link #tableNames()}), or one moved aside to drop. */
    public boolean manages(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        return name.startsWith(ASIDE) ? tableNames().contains(name.substring(ASIDE.length()))
                : tableNames().contains(name);
    }

    /** The schema after one more changeset. */
    public SchemaModel after(SchemaModel before, ChangeSetInfo changeSet) {
        return apply(new SchemaBuilder(before), changeSet).build();
    }

    private SchemaBuilder apply(SchemaBuilder builder, ChangeSetInfo changeSet) {
        try {
            ChangeSet parsedChangeSet = parsed().get(changeSet);
            if (isConditional(changeSet)) {
                Optional<Boolean> acts = parsedChangeSet.getPreconditions() == null ? Optional.empty()
                        : ModelPreconditions.holds(parsedChangeSet.getPreconditions(), builder.build());
                if (acts.isEmpty()) {
                    parsedChangeSet.getChanges().forEach(builder::applyIfMissing);
                } else if (acts.get()) {
                    parsedChangeSet.getChanges().forEach(builder::apply);
                }
                return builder;
            }
            parsedChangeSet.getChanges().forEach(builder::apply);
            return builder;
        } catch (UnsupportedChangeException e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot work out the schema after changeset "
                    + changeSet.id() + " of migration " + changeSet.migration() + ": " + e.getMessage() + ".", e);
        }
    }

    /** The file path databases record for a changeset: {@code marsai-schema/<migration>.yaml}. */
    public static String logicalPath(ChangeSetInfo changeSet) {
        return LOGICAL_PREFIX + changeSet.migration() + ".yaml";
    }

    /** The given changesets, in order, cut after the last changeset of {@code migration} if one is given. */
    public List<ChangeSetInfo> upTo(List<ChangeSetInfo> changeSets, Optional<String> migration) {
        if (migration.isEmpty()) {
            return changeSets;
        }
        List<ChangeSetInfo> own = changeSetsOf(migration.get());
        int last = indexOf(own.get(own.size() - 1));
        return changeSets.stream().filter(c -> indexOf(c) <= last).toList();
    }

    /** The names of the migrations all of whose changesets are among {@code applied}. */
    public Set<String> completeMigrations(Collection<ChangeSetInfo> applied) {
        Set<ChangeSetInfo> set = new HashSet<>(applied);
        Set<String> complete = new HashSet<>();
        byMigration.forEach((name, changeSets) -> {
            if (set.containsAll(changeSets)) {
                complete.add(name);
            }
        });
        return complete;
    }

    /**
     * Among changesets run in order from {@code start}, the conditional ones that changed nothing because
     * their change was already there (or, for a drop, already absent): Liquibase records those MARK_RAN.
     */
    public List<ChangeSetInfo> alreadyPresent(List<ChangeSetInfo> run) {
        return alreadyPresent(new SchemaModel(Map.of()), run);
    }

    /**
     * Of {@code gaps}, changesets missing among {@code implied}, the conditional ones whose change the changesets of
     * {@code implied} before them never made: recorded, they are recorded MARK_RAN.
     */
    public List<ChangeSetInfo> alreadyPresentAmong(List<ChangeSetInfo> implied, List<ChangeSetInfo> gaps) {
        List<ChangeSetInfo> present = new ArrayList<>();
        for (ChangeSetInfo gap : gaps) {
            SchemaModel before = expectedSchema(implied.stream().filter(c -> indexOf(c) < indexOf(gap)).toList());
            if (isConditional(gap) && after(before, gap).equals(before)) {
                present.add(gap);
            }
        }
        return present;
    }

    /** The same, starting from {@code start}. */
    public List<ChangeSetInfo> alreadyPresent(SchemaModel start, List<ChangeSetInfo> run) {
        List<ChangeSetInfo> present = new ArrayList<>();
        SchemaModel model = start;
        for (ChangeSetInfo changeSet : run) {
            SchemaModel next = after(model, changeSet);
            if (isConditional(changeSet) && next.equals(model)) {
                present.add(changeSet);
            }
            model = next;
        }
        return present;
    }

    /** Index of a changeset in changelog order, or -1. */
    public int indexOf(ChangeSetInfo changeSet) {
        return changeSets.indexOf(changeSet);
    }

    /**
     * Resolves what a user typed to a migration name: the name itself, or the original file name
     * ({@code .cjs}, {@code .js}) or ours ({@code .yaml}).
     */
    public String resolve(String userInput) {
        if (userInput == null || userInput.isBlank()) {
            throw new MarsSchemaException(ErrorCode.UNKNOWN_MIGRATION,
                    "No migration name given: pass one of the names that `status` lists, e.g. " + migrations().get(0) + ".");
        }
        String name = userInput.trim();
        name = name.substring(name.lastIndexOf('/') + 1);
        for (String suffix : List.of(".cjs", ".js", ".yaml")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        if (!byMigration.containsKey(name)) {
            Optional<String> nearest = NearestName.of(name, byMigration.keySet());
            throw new MarsSchemaException(ErrorCode.UNKNOWN_MIGRATION,
                    "Unknown migration '" + userInput + "'" + nearest.map(n -> ": did you mean '" + n + "'?").orElse("")
                            + " Use one of the " + byMigration.size()
                            + " names that `status` lists, from " + migrations().get(0) + " to "
                            + migrations().get(migrations().size() - 1) + " (with or without .cjs).");
        }
        return name;
    }
}
