package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the main code, read from the compiled classes with the JDK's {@code jdeps}: dependencies go one
 * way only (cli → facade → internal rooms, each only on the rooms below it → API values), no class depends on
 * itself through others, no internal class works with more than a handful of others, and no source file grows
 * past 400 lines.
 */
class ArchitectureTest {

    private static final String ROOT = "org.marsai.schema.";
    private static final Pattern EDGE = Pattern.compile("^\\s+(org\\.marsai\\.schema\\.\\S+)\\s+->\\s+(org\\.marsai\\.schema\\.\\S+)\\s");
    private static final Map<String, Set<String>> DEPENDENCIES = new TreeMap<>();

    @BeforeAll
    static void readDependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException(
                "jdeps is missing: run the tests on a JDK, not a JRE"));
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none",
                Path.of("target", "classes").toString());
        assertThat(code).as("jdeps: %s", out).isZero();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                String from = topLevel(m.group(1));
                String to = topLevel(m.group(2));
                DEPENDENCIES.computeIfAbsent(from, k -> new TreeSet<>());
                if (!from.equals(to)) {
                    DEPENDENCIES.get(from).add(to);
                }
            }
        }
        assertThat(DEPENDENCIES).as("classes read from target/classes").containsKey(ROOT + "MarsSchema");
    }

    @Test
    void noClassDependsOnItselfThroughOthers() {
        List<List<String>> cycles = stronglyConnected().stream().filter(c -> c.size() > 1).toList();
        assertThat(cycles).as("import cycles").isEmpty();
    }

    @Test
    void apiValuesDependOnNothingButEachOther() {
        assertThat(violations(ArchitectureTest::isApiValue, to -> !isApiValue(to)))
                .as("results, targets and exceptions are plain values").isEmpty();
    }

    @Test
    void internalsNeverReachBackToTheFacadeOrTheCommandLine() {
        assertThat(violations(ArchitectureTest::isInternal, to -> to.equals(ROOT + "MarsSchema") || isCli(to))).isEmpty();
    }

    @Test
    void theCommandLineUsesOnlyThePublicApi() {
        assertThat(violations(ArchitectureTest::isCli, ArchitectureTest::isInternal)).isEmpty();
    }

    /**
     * The rooms of {@code internal}, top first: a class may use classes of its own room and of rooms below it,
     * never above. Operations (command) decide nothing themselves; plan decides; history, lock and liquibase
     * keep the books, the lock and the Liquibase adapter; model is the schema as data; jdbc is the connection.
     */
    static final List<String> ROOMS = List.of("command", "plan", "history", "lock", "liquibase", "model", "jdbc");

    @Test
    void roomsDependOnlyOnRoomsBelowThem() {
        assertThat(violations(from -> room(from) >= 0, to -> room(to) < 0 && isInternal(to) && !isBuild(to)))
                .as("every internal class lives in a room: %s", ROOMS).isEmpty();
        List<String> upward = new ArrayList<>();
        DEPENDENCIES.forEach((source, targets) -> targets.stream()
                .filter(target -> room(source) >= 0 && room(target) >= 0 && room(target) < room(source))
                .forEach(target -> upward.add(source + " -> " + target)));
        assertThat(upward).as("dependencies on a room above (order: %s)", ROOMS).isEmpty();
        assertThat(DEPENDENCIES.keySet().stream().filter(ArchitectureTest::isInternal).filter(name -> !isBuild(name))
                .filter(name -> room(name) < 0)).as("internal classes outside the rooms %s", ROOMS).isEmpty();
    }

    /**
     * The most internal classes one internal class may work with: an operation that talks to more than a handful
     * of collaborators is doing several jobs (Flyway's commands get theirs through the constructor and use few).
     */
    static final int MAX_COLLABORATORS = 8;

    /**
     * Classes still over the limit, each with its count today as its ceiling: to be split, never to grow. Remove a
     * class from here once it is within the limit.
     */
    static final Map<String, Integer> OVER_THE_LIMIT = Map.ofEntries(
            // Next: a failed update's explanation into Recovery, the consolidated-install decision into the install.
            Map.entry("command.UpdateOperation", 16),
            // Next: the empty-database check and the script's execution as plan objects; the lock stays here.
            Map.entry("command.ConsolidatedInstall", 17),
            // Next: shares the empty-database check with ConsolidatedInstall.
            Map.entry("command.InstallSqlOperation", 11),
            // Next: the history marking and SequelizeMeta sync of a change around the Undo, in one plan object.
            Map.entry("command.RollbackOperation", 14),
            // Next: its three stories (gaps, lost history, ran-but-unrecorded) as one plan object each.
            Map.entry("command.RepairOperation", 11),
            // Next: its annotations into plan.Preview.
            Map.entry("command.PreviewOperation", 13),
            // Next: choosing and preparing the lock (LeaseLock or ServerLock, sql_mode, lock waits) in the lock room.
            Map.entry("command.Runner", 14),
            Map.entry("plan.Preflight", 12),
            Map.entry("plan.Recovery", 11),
            Map.entry("plan.Adoption", 11),
            Map.entry("plan.Undo", 10),
            // Cluster code, changed by pure moves only while ClusterIT cannot run on every machine.
            Map.entry("lock.LeaseLock", 10));

    @Test
    void noInternalClassWorksWithMoreThanEightOthers() {
        Map<String, Integer> over = new TreeMap<>();
        Map<String, Integer> stale = new TreeMap<>();
        DEPENDENCIES.forEach((source, targets) -> {
            if (!isInternal(source)) {
                return;
            }
            int count = (int) targets.stream().filter(ArchitectureTest::isInternal).count();
            String name = source.substring((ROOT + "internal.").length());
            int ceiling = OVER_THE_LIMIT.getOrDefault(name, MAX_COLLABORATORS);
            if (count > ceiling) {
                over.put(name, count);
            }
            if (OVER_THE_LIMIT.containsKey(name) && count <= MAX_COLLABORATORS) {
                stale.put(name, count);
            }
        });
        assertThat(over).as("internal classes with more than %s internal collaborators (or more than their"
                + " ceiling in OVER_THE_LIMIT)", MAX_COLLABORATORS).isEmpty();
        assertThat(stale).as("classes in OVER_THE_LIMIT that are within the limit now: remove them from it").isEmpty();
        assertThat(OVER_THE_LIMIT.keySet()).as("classes in OVER_THE_LIMIT that exist")
                .allMatch(name -> DEPENDENCIES.containsKey(ROOT + "internal." + name));
    }

    @Test
    void operationsAreIndependentOfEachOther() {
        assertThat(violations(ArchitectureTest::isOperation, ArchitectureTest::isOperation)).isEmpty();
    }

    private static int room(String name) {
        String prefix = ROOT + "internal.";
        if (!name.startsWith(prefix)) {
            return -1;
        }
        String rest = name.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? -1 : ROOMS.indexOf(rest.substring(0, dot));
    }

    /**
     * The build steps ({@code internal.build}) stay out of the jar, so nothing in the jar may need them. They may
     * use the jar's classes, with one exception: the changelog step writes the index the library reads, so it and
     * what it uses stand alone; only the offline script step, which runs after it, uses the library.
     */
    @Test
    void nothingDependsOnTheBuildStepsWhichStayOutOfTheJar() {
        assertThat(violations(from -> !isBuild(from), ArchitectureTest::isBuild)).as("classes of the jar that need"
                + " internal.build (excluded from the jar, see pom.xml)").isEmpty();
        assertThat(violations(from -> isBuild(from) && !from.equals(OFFLINE_SCRIPT_BUILD), to -> !isBuild(to)))
                .as("the changelog step stands alone (the library needs the index it writes)").isEmpty();
        assertThat(DEPENDENCIES.get(OFFLINE_SCRIPT_BUILD)).as("the offline script step uses the library")
                .contains(ROOT + "internal.command.PreviewOperation");
    }

    private static final String OFFLINE_SCRIPT_BUILD = ROOT + "internal.build.OfflineScriptBuild";

    private static boolean isBuild(String name) {
        return name.startsWith(ROOT + "internal.build.");
    }

    @Test
    void everyMainSourceFileIsUnder400Lines() throws IOException {
        Map<String, Long> large = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.count();
                }
                if (lines >= 400) {
                    large.put(file.toString(), lines);
                }
            }
        }
        assertThat(large).isEmpty();
    }

    private static List<String> violations(Predicate<String> from,
                                           Predicate<String> forbidden) {
        List<String> found = new ArrayList<>();
        DEPENDENCIES.forEach((source, targets) -> {
            if (from.test(source)) {
                targets.stream().filter(forbidden).forEach(target -> found.add(source + " -> " + target));
            }
        });
        return found;
    }

    private static boolean isInternal(String name) {
        return name.startsWith(ROOT + "internal.");
    }

    private static boolean isCli(String name) {
        return name.startsWith(ROOT + "cli.");
    }

    /** What the facade calls: one class per operation. */
    private static boolean isOperation(String name) {
        return isInternal(name) && name.endsWith("Operation");
    }

    private static boolean isApiValue(String name) {
        return name.startsWith(ROOT) && name.indexOf('.', ROOT.length()) < 0 && !name.equals(ROOT + "MarsSchema");
    }

    private static String topLevel(String name) {
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** Tarjan's strongly connected components of the class graph. */
    private static List<List<String>> stronglyConnected() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<List<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String node : DEPENDENCIES.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                                Set<String> onStack, List<List<String>> components, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.push(node);
        onStack.add(node);
        for (String next : DEPENDENCIES.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, index, low, stack, onStack, components, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }
}
