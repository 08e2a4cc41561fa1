/**
 * Not API. The migration lock (a server's named lock, or a lease in Liquibase's lock table on a cluster), the
 * Liquibase lock service that defers to it, and the metadata-lock retries of DDL statements.
 */
package org.marsai.schema.internal.lock;
