package org.marsai.schema.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code marsai-schema} command: {@code java -jar marsai-schema-cli.jar COMMAND [OPTIONS]}. */
@Command(name = "marsai-schema", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Applies, inspects, previews and undoes the MarsAI schema's migrations on MySQL 8 / MariaDB.",
        footerHeading = "%nConnection:%n",
        footer = {"  --url, --username, --password; else DB_HOST, DB_PORT (3306), DB_NAME,",
                "  DB_USER, DB_PASSWORD from the environment or from a .env file in the",
                "  working directory (the environment wins). update-sql without any of",
                "  these prints the complete script for an empty database.",
                "  Migration NAMEs are the original names, with or without .cjs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failed", "2:usage or configuration error", "3:migrations pending (status --exit-code)",
                "4:the schema differs (diff)"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    final Cli cli;

    Main(Cli cli) {
        this.cli = cli;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // java.util.logging starts only if Liquibase runs (status and an up-to-date update never start it): it
        // then reads its configuration from QuietLogging, the same as configureLogging(false).
        System.setProperty("java.util.logging.config.class", QuietLogging.class.getName());
        int code = Cli.run(args, new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                new OutputStreamWriter(System.err, StandardCharsets.UTF_8), System.getenv(), Path.of(""));
        System.exit(code);
    }

    /** Without a command: the usage, and the usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(cli.err);
        return ExitCodes.USAGE;
    }

    /** Liquibase logs through java.util.logging: quiet by default, everything on standard error with -v. */
    static void configureLogging(boolean verbose) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(verbose ? Level.INFO : Level.SEVERE);
        root.addHandler(handler);
        root.setLevel(verbose ? Level.INFO : Level.SEVERE);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    }

    /** java.util.logging's configuration class: what configureLogging(false) sets, read when logging starts. */
    public static final class QuietLogging {
        public QuietLogging() throws IOException {
            String quiet = "handlers=java.util.logging.ConsoleHandler\n.level=SEVERE\n"
                    + "java.util.logging.ConsoleHandler.level=SEVERE\n";
            LogManager.getLogManager().readConfiguration(new java.io.ByteArrayInputStream(
                    quiet.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/META-INF/maven/org.marsai/marsai-schema/pom.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"marsai-schema " + properties.getProperty("version", "(development build)")
                    + ", Liquibase 4.33.0"};
        }
    }
}
