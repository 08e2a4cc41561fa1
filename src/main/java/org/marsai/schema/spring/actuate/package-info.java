/**
 * Actuator parts of the Spring Boot integration: the {@code marsschema} endpoint and health component,
 * active when Spring Boot's actuator is on the classpath.
 */
package org.marsai.schema.spring.actuate;
