package org.marsai.schema.internal;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.marsai.schema.ChangeSetInfo;

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
    public static Context load(DataSource dataSource, String url, String user, String password,
                               Duration connectTimeout, Duration lockWaitTimeout, boolean allowDataLoss,
                               boolean refuseNewerChangesets, boolean consolidatedInstall) {
        return new Context(new Settings(dataSource, url, user, password, connectTimeout, lockWaitTimeout,
                allowDataLoss, refuseNewerChangesets, consolidatedInstall).validate());
    }

    /** Like the full form, with the consolidated install of an empty database (the default). */
    public static Context load(DataSource dataSource, String url, String user, String password,
                               Duration connectTimeout, Duration lockWaitTimeout, boolean allowDataLoss,
                               boolean refuseNewerChangesets) {
        return load(dataSource, url, user, password, connectTimeout, lockWaitTimeout, allowDataLoss,
                refuseNewerChangesets, true);
    }

    /** Like the full form, tolerating changesets of a newer version (the default). */
    public static Context load(DataSource dataSource, String url, String user, String password,
                               Duration connectTimeout, Duration lockWaitTimeout, boolean allowDataLoss) {
        return load(dataSource, url, user, password, connectTimeout, lockWaitTimeout, allowDataLoss, false);
    }

    public List<String> migrations() {
        return changelog.migrations();
    }

    public List<ChangeSetInfo> changeSets() {
        return changelog.changeSets();
    }
}
