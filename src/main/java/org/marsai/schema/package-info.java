/**
 * The MarsAI schema as a library: apply, inspect, preview and undo the MarsAI migrations on a
 * MySQL 8 or MariaDB database.
 *
 * <p>Start with {@link org.marsai.schema.MarsSchema#update(javax.sql.DataSource)}, or
 * {@link org.marsai.schema.MarsSchema#configure()} for the full, immutable facade. Everything this
 * package exposes is API; the {@code internal} and {@code cli} packages are not.
 */
package org.marsai.schema;
