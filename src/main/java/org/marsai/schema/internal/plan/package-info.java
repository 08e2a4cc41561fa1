/**
 * Not API. Deciding what to do, and that it is safe, before anything runs: adoption of a sequelize-cli database,
 * recovery of an interrupted run, the preflight of an update, the rollback plan and its guarded drops, the rules of
 * clusters and of the application's own tables, and the annotated SQL previews.
 */
package org.marsai.schema.internal.plan;
