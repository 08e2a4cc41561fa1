package org.marsai.schema.spring;

import java.util.Locale;

import liquibase.integration.spring.SpringLiquibase;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.spring.MarsSchemaProperties.OnStartup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Stops Spring's own Liquibase ({@code spring.liquibase.change-log}, or any {@link SpringLiquibase} bean) from
 * running the MarsAI changelog a second time, around this library's lock, data-loss refusal, Sequelize
 * adoption and recovery. It looks at each {@code SpringLiquibase} bean after its properties are set and before
 * it runs: with {@code marsai.schema.on-startup} {@code update} or {@code validate} it refuses to start; with
 * {@code none} (the team chose to let plain Liquibase apply the changelog) it only warns.
 */
class SpringLiquibaseGuard implements BeanPostProcessor {

    static final String CHANGELOG_FOLDER = "org/marsai/schema/changelogs/";
    private static final Logger LOG = LoggerFactory.getLogger(SpringLiquibaseGuard.class);

    private final OnStartup onStartup;

    SpringLiquibaseGuard(OnStartup onStartup) {
        this.onStartup = onStartup;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && runsMarsChangelog(liquibase.getChangeLog())) {
            String message = "Spring's Liquibase (bean '" + beanName + "', change log " + liquibase.getChangeLog()
                    + ") would run the MarsAI changelog a second time, around marsai-schema's lock, data-loss"
                    + " refusal, Sequelize adoption and recovery";
            if (onStartup == OnStartup.NONE) {
                LOG.warn("{}; marsai.schema.on-startup=none leaves the schema to it.", message);
            } else {
                throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, message
                        + ": remove spring.liquibase.change-log, or the SpringLiquibase bean that names it (marsai-schema"
                        + " applies the changelog at start-up),"
                        + " or set marsai.schema.enabled=false to keep plain Liquibase.");
            }
        }
        return bean;
    }

    /** Whether a Liquibase change-log location names one of ours, however it is spelled. */
    static boolean runsMarsChangelog(String changeLog) {
        if (changeLog == null) {
            return false;
        }
        String path = changeLog.trim().replace('\\', '/').toLowerCase(Locale.ROOT);
        return path.contains(CHANGELOG_FOLDER) || path.endsWith("marsai-changelog.yaml");
    }
}
