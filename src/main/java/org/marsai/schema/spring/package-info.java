/**
 * Spring Boot integration: add the jar to a Spring Boot 4 application and the MarsAI schema is updated at
 * start-up, before anything that uses the database, through {@link org.marsai.schema.MarsSchema} (its lock,
 * data-loss refusal, Sequelize adoption and recovery included). Configured by the {@code marsai.schema.*}
 * properties ({@link org.marsai.schema.spring.MarsSchemaProperties}); active only where Spring Boot is on the
 * classpath, which this library does not bring.
 *
 * <p>API here: {@link org.marsai.schema.spring.MarsSchemaProperties} and the bean types an application may
 * replace ({@link org.marsai.schema.spring.MarsSchemaInitializer}). The auto-configuration classes are
 * Spring Boot's to load, not to call.
 */
package org.marsai.schema.spring;
