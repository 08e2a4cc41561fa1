package org.marsai.schema.spring.actuate;

import org.marsai.schema.MarsSchema;
import org.marsai.schema.spring.MarsSchemaAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The actuator parts, when actuator is on the classpath and there is a {@link MarsSchema} bean (ours or the
 * application's): the {@code marsschema} endpoint and the {@code marsschema} health component.
 */
@AutoConfiguration(after = MarsSchemaAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "marsai.schema.enabled", matchIfMissing = true)
@ConditionalOnBean(MarsSchema.class)
public final class MarsSchemaActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        MarsSchemaEndpoint marsSchemaEndpoint(MarsSchema marsSchema) {
            return new MarsSchemaEndpoint(marsSchema);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator")
    static class HealthConfiguration {

        /** The bean name gives the health component its name: {@code marsschema}. */
        @Bean
        @ConditionalOnMissingBean(name = "marsschemaHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("marsschema")
        MarsSchemaHealthIndicator marsschemaHealthIndicator(MarsSchema marsSchema) {
            return new MarsSchemaHealthIndicator(marsSchema);
        }
    }
}
