package org.marsai.schema.internal.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.marsai.schema.internal.command.Context;
import org.marsai.schema.internal.command.PreviewOperation;
import org.marsai.schema.internal.jdbc.Settings;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.plan.InstallScript;
import org.marsai.schema.internal.plan.PackagedScript;

/**
 * Run by the build after {@link ChangelogBuild} (antrun step {@code changelog} in pom.xml): packages the offline
 * {@code update-sql} script into the classes directory, so that a preview without a database needs no Liquibase
 * run, and the consolidated install derived from it ({@link InstallScript}: the finished schema's tables and the
 * history rows of that script). The script is what the library itself writes offline ({@code PreviewOperation}),
 * so this step uses the compiled library, which is complete once the changelog index exists.
 *
 * <pre>
 * java OfflineScriptBuild CLASSES_DIR    writes org/marsai/schema/update-offline.sql and .properties, and
 *                                        org/marsai/schema/install.sql
 * </pre>
 */
public final class OfflineScriptBuild {

    private OfflineScriptBuild() {
    }

    public static void main(String[] args) {
        try {
            Context offline = Context.load(Settings.builder().build());
            String sql = new PreviewOperation(offline).liquibaseOfflineSql(Optional.empty());
            PackagedScript.write(sql, Changelog.packaged(), Path.of(args[0]));
            InstallScript.write(sql, Changelog.packaged(), Path.of(args[0]));
        } catch (IOException | RuntimeException e) {
            // the changelog itself was checked just before (ChangelogBuild): one line, no stack trace
            System.err.println("[marsai-schema] The offline update-sql script could not be written into " + args[0]
                    + " (" + e.getMessage() + "): run `mvn clean package`; if it fails again, run the build with -e.");
            System.exit(1);
        }
    }
}
