package org.marsai.schema.spring;

import javax.sql.DataSource;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.MarsSchemaException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Spring Boot auto-configuration: a {@link MarsSchema} on the application's {@code DataSource} (or on
 * {@code marsai.schema.url}), and a {@link MarsSchemaInitializer} that updates or validates the schema at
 * start-up, before JPA, {@code JdbcTemplate} users and {@code spring.sql.init}.
 *
 * <p>An application that defines its own {@code MarsSchema} bean keeps it: this one backs off, and the
 * start-up step runs with the application's. {@code marsai.schema.enabled=false} turns everything off;
 * {@code marsai.schema.on-startup=none} keeps the bean but leaves the schema alone at start-up.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "marsai.schema.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MarsSchemaProperties.class)
public final class MarsSchemaAutoConfiguration {

    /** Start-up step, after the MarsSchema bean (ours or the application's) exists. */
    @Bean
    @ConditionalOnBean(MarsSchema.class)
    @ConditionalOnMissingBean
    MarsSchemaInitializer marsSchemaInitializer(MarsSchema marsSchema, MarsSchemaProperties properties) {
        return new MarsSchemaInitializer(marsSchema, properties.getOnStartup());
    }

    /** Refuses (or, with on-startup=none, warns) when Spring's Liquibase would run our changelog. */
    @Bean
    @ConditionalOnClass(name = "liquibase.integration.spring.SpringLiquibase")
    static SpringLiquibaseGuard marsSchemaSpringLiquibaseGuard(Environment environment) {
        // a BeanPostProcessor is created before the properties bean: bind them here, the same way
        MarsSchemaProperties properties = Binder.get(environment).bind("marsai.schema", MarsSchemaProperties.class)
                .orElseGet(MarsSchemaProperties::new);
        return new SpringLiquibaseGuard(properties.getOnStartup());
    }

    /** The MarsSchema bean, unless the application has its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(MarsSchema.class)
    @Conditional(DatabaseCondition.class)
    static class MarsSchemaConfiguration {

        @Bean
        MarsSchema marsSchema(MarsSchemaProperties properties, ObjectProvider<DataSource> dataSource) {
            return configure(properties, dataSource.getIfUnique()).load();
        }

        /** The properties on the library's builder: marsai.schema.url if set, else the application's DataSource. */
        static MarsSchema.Builder configure(MarsSchemaProperties properties, DataSource dataSource) {
            MarsSchema.Builder builder = MarsSchema.configure()
                    .lockWait(properties.getLockWait())
                    .connectTimeout(properties.getConnectTimeout())
                    .refuseNewerChangesets(properties.isRefuseNewerChangesets())
                    .consolidatedInstall(properties.isConsolidatedInstall());
            if (hasText(properties.getUrl())) {
                return builder.url(properties.getUrl()).username(properties.getUsername()).password(properties.getPassword());
            }
            if (properties.getUsername() != null || properties.getPassword() != null) {
                throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "marsai.schema.username or"
                        + " marsai.schema.password is set without marsai.schema.url: set marsai.schema.url"
                        + "=jdbc:mysql://HOST:3306/DATABASE for a dedicated connection, or remove them to use the"
                        + " application's DataSource.");
            }
            return builder.dataSource(dataSource);
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }
    }

    /** Orders the start-up step with Spring Boot's database initialization (where Boot's SQL module is present). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer")
    @Import(DatabaseInitializationDependencyConfigurer.class)
    static class InitializationOrderConfiguration {
    }

    /** A database to manage: the application's one DataSource (or its primary), or marsai.schema.url. */
    static final class DatabaseCondition extends AnyNestedCondition {

        DatabaseCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnSingleCandidate(DataSource.class)
        static final class ApplicationDataSource {
        }

        @ConditionalOnProperty(prefix = "marsai.schema", name = "url")
        static final class DedicatedUrl {
        }
    }
}
