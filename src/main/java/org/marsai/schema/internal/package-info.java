/**
 * Not API: the Liquibase wiring behind {@link org.marsai.schema.MarsSchema}. Anything here may change
 * in any release.
 */
package org.marsai.schema.internal;
