/**
 * Not API. The packaged changelog ({@code Changelog}) and everything that talks to Liquibase: its commands, scope,
 * log, version line and the database object it works on. The only room that knows Liquibase's command API.
 */
package org.marsai.schema.internal.liquibase;
