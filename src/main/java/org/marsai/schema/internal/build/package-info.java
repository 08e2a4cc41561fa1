/**
 * Not API, and not in the jar: what the build runs on the changelog before packaging it (antrun step
 * {@code changelog}, phase {@code process-classes}; pom.xml maps every step). {@code ChangelogBuild} parses
 * {@code changelogs/} with Liquibase, checks the released changesets against their pins
 * ({@code changelogs/released/VERSION.tsv}, {@link org.marsai.schema.internal.build.ReleasePins}) and writes the
 * index the library reads ({@code org/marsai/schema/changelog-index.tsv}); it stands alone, since the library
 * cannot run before that index exists. {@code OfflineScriptBuild} then uses the library to package the offline
 * {@code update-sql} script. Every problem is one line naming the file and the fix.
 */
package org.marsai.schema.internal.build;
