package org.marsai.schema.spring;

import java.time.Duration;

import org.marsai.schema.Defaults;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code marsai.schema.*} properties of a Spring Boot application. None of them allows a start-up to
 * destroy data: at start-up the schema is only ever updated (which never drops stored data) or checked.
 */
@ConfigurationProperties("marsai.schema")
public class MarsSchemaProperties {

    /** What to do with the schema at start-up, before anything that uses the database starts. */
    public enum OnStartup {
        /** Apply every pending migration (with the cross-node lock, the Sequelize adoption and recovery). */
        UPDATE,
        /** Change nothing; refuse to start when migrations are pending or the schema has drifted. */
        VALIDATE,
        /** Leave the schema alone; the MarsSchema bean, the endpoint and the health indicator stay. */
        NONE
    }

    /** Whether to auto-configure marsai-schema at all (MarsSchema bean, start-up step, endpoint, health). */
    private boolean enabled = true;

    /** What to do with the schema at start-up: update, validate or none. */
    private OnStartup onStartup = OnStartup.UPDATE;

    /**
     * Whether to refuse a database a newer version migrated (a rolling deploy's old nodes, a rolled-back
     * application). By default such a start goes ahead, changes nothing and logs one warning.
     */
    private boolean refuseNewerChangesets = false;

    /**
     * Whether an empty database (no MarsAI tables, no history) gets the consolidated install: the schema as the
     * changelog leaves it created directly and the history recorded in one statement, exactly as the step-by-step
     * path records it. false: the changesets run one by one there too.
     */
    private boolean consolidatedInstall = true;

    /** How long to wait for another node's migration (the cross-node lock) before failing. */
    private Duration lockWait = Defaults.LOCK_WAIT;

    /** How long connecting through marsai.schema.url may take. */
    private Duration connectTimeout = Defaults.CONNECT_TIMEOUT;

    /** JDBC URL of a dedicated connection for marsai-schema, instead of the application's DataSource. */
    private String url;

    /** Login user for marsai.schema.url. */
    private String username;

    /** Login password for marsai.schema.url. Never logged. */
    private String password;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public OnStartup getOnStartup() {
        return onStartup;
    }

    public void setOnStartup(OnStartup onStartup) {
        this.onStartup = onStartup;
    }

    public boolean isRefuseNewerChangesets() {
        return refuseNewerChangesets;
    }

    public void setRefuseNewerChangesets(boolean refuseNewerChangesets) {
        this.refuseNewerChangesets = refuseNewerChangesets;
    }

    public boolean isConsolidatedInstall() {
        return consolidatedInstall;
    }

    public void setConsolidatedInstall(boolean consolidatedInstall) {
        this.consolidatedInstall = consolidatedInstall;
    }

    public Duration getLockWait() {
        return lockWait;
    }

    public void setLockWait(Duration lockWait) {
        this.lockWait = lockWait;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
