/**
 * Not API: what stands behind {@link org.marsai.schema.MarsSchema}. Anything here may change in any release.
 *
 * <p>One class per operation ({@code UpdateOperation}, {@code RollbackOperation}, {@code PreviewOperation},
 * {@code InspectOperation}, {@code AdoptOperation}, {@code TagOperation}, {@code ReleaseLocksOperation}),
 * each made from the {@code Context} the facade loads; they are the only public classes besides the Liquibase
 * lock service. Below them, package-private support: the {@code Runner} opens sessions and holds the
 * migration lock, {@code LiquibaseCommands} runs Liquibase's commands, {@code History} reads the history
 * once per operation, {@code Recovery}, {@code Adoption} and {@code RollbackPlan} work out what to do, and the
 * schema model ({@code SchemaBuilder}, {@code SchemaReader}, {@code Normalization}) says what a database
 * should hold and holds. Dependencies point down only; {@code ArchitectureTest} checks it. The sub-package
 * {@code build} holds what the build runs on the changelog; it is not in the jar.
 */
package org.marsai.schema.internal;
