package org.marsai.schema.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.marsai.schema.MarsSchema;

/**
 * The training run behind the command line's class-data sharing archive, run once by the build:
 * {@code java -XX:ArchiveClassesAtExit=target/marsai-schema-cli.jsa -cp target/marsai-schema-cli.jar
 * org.marsai.schema.cli.CdsTraining}. The JVM writes every class this run loaded into the archive, and the launcher
 * ({@code target/marsai-schema}) maps them at each start instead of reading, parsing and verifying them from the jar
 * again. The same command, run where the jar was moved to or with another JVM, makes an archive that fits there.
 *
 * <p>With no database at build time, it runs what needs none: the help, the offline preview through
 * Liquibase (parser, changes, SQL generators, command pipeline) and the offline validation. The classes only
 * a database run needs (the JDBC driver, Liquibase's executor and history service…) are loaded, without being
 * initialised, from the packaged list {@code cds-classes.txt} next to this class: one class name a
 * line, recorded from real runs by the benchmark tool {@code CdsClassList}; a name that no longer exists is skipped. Nothing here changes what a
 * command does: a class missing from the archive is simply read from the jar.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    static final String CLASS_LIST = "org/marsai/schema/cli/cds-classes.txt";

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Logging.quietByDefault();
        // what every real start loads first, though the training runs the commands through Cli, not Main.main
        Class.forName(Main.class.getName(), false, CdsTraining.class.getClassLoader());
        Map<String, String> noEnvironment = Map.of();
        Path here = Path.of("");
        for (List<String> line : List.of(List.of("--help"), List.of("--version"), List.of("update-sql"),
                List.of("update-sql", "--to", "20260128100004-create-movies"), List.of("validate"), List.of("status"))) {
            StringWriter out = new StringWriter();
            Cli.run(line.toArray(String[]::new), out, new StringWriter(), noEnvironment, here);
        }
        MarsSchema offline = MarsSchema.configure().load();
        if (offline.updateSql().isEmpty() || !offline.validate().problems().isEmpty()) {
            throw new IllegalStateException("The offline preview or validation failed during the CDS training run");
        }
        if (List.of(args).contains("--without-class-list")) {
            return; // what the training loads by itself (CdsClassList records the rest)
        }
        ClassLoader loader = CdsTraining.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return;
            }
            for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                name = name.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // recorded from an older build: nothing to archive
                }
            }
        }
    }
}
