package org.marsai.schema.internal.command;

import java.util.List;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.internal.jdbc.Settings;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseLine;

/**
 * What every operation works with: the checked configuration, the packaged changelog, and the runner
 * that opens sessions and takes the migration lock. Immutable; made once per facade.
 */
public final class Context {

    final Settings settings;
    final Changelog changelog;
    final Runner runner;

    private Context(Settings settings) {
        LiquibaseLine.require();
        this.settings = settings;
        this.changelog = Changelog.packaged();
        this.runner = new Runner(settings);
    }

    /** Checks the configuration, naming the first bad setting. */
    public static Context load(Settings settings) {
        return new Context(settings.validate());
    }

    public List<String> migrations() {
        return changelog.migrations();
    }

    public List<ChangeSetInfo> changeSets() {
        return changelog.changeSets();
    }
}
