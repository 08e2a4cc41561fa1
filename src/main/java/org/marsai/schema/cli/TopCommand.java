package org.marsai.schema.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;

import liquibase.util.LiquibaseUtil;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code marsai-schema} command itself; its subcommands do the work. */
@Command(name = "marsai-schema", mixinStandardHelpOptions = true, versionProvider = TopCommand.Version.class,
        description = "Applies, inspects, previews and undoes the MarsAI schema's migrations on MySQL 8 / MariaDB.",
        footerHeading = "%nConnection:%n",
        footer = {"  --url, --username, --password; else DB_HOST, DB_PORT (3306), DB_NAME,",
                "  DB_USER, DB_PASSWORD from the environment or from a .env file in the",
                "  working directory (the environment wins). update-sql without any of",
                "  these prints the complete script for an empty database.",
                "  Migration NAMEs are the original names, with or without .cjs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failed", "2:usage or configuration error", "3:migrations pending (status --exit-code)",
                "4:the schema differs (diff)",
                "5:the database needs attention: update would refuse (status --exit-code)"})
final class TopCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    final Console console;

    TopCommand(Console console) {
        this.console = console;
    }

    /** Without a command: the usage, and the usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(console.err);
        return ExitCodes.USAGE;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = TopCommand.class.getResourceAsStream("/META-INF/maven/org.marsai/marsai-schema/pom.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"marsai-schema " + properties.getProperty("version", "(development build)")
                    + ", Liquibase " + LiquibaseUtil.getBuildVersion()};
        }
    }
}
