/**
 * Not API: what stands behind {@link org.marsai.schema.MarsSchema}. Anything here may change in any release.
 *
 * <p>Rooms, top first; each uses only itself and the rooms below it ({@code ArchitectureTest} checks it):
 * <ul>
 *   <li>{@code command}: one operation per verb, and the runner that opens a session under the lock;</li>
 *   <li>{@code plan}: what to do and whether it is safe (adoption, recovery, preflight, rollback plan, previews);</li>
 *   <li>{@code history}: Liquibase's history table;</li>
 *   <li>{@code lock}: the migration lock and metadata-lock retries;</li>
 *   <li>{@code liquibase}: the packaged changelog and the Liquibase adapter;</li>
 *   <li>{@code model}: the schema as data (built, read, compared, analysed for loss);</li>
 *   <li>{@code jdbc}: the connection, its settings and its errors.</li>
 * </ul>
 * The sub-package {@code build} holds what the build runs on the changelog; it is not in the jar.
 */
package org.marsai.schema.internal;
