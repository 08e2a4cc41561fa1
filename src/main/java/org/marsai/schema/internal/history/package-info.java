/**
 * Not API. Liquibase's history table ({@code DATABASECHANGELOG}): read once per operation ({@code History}),
 * checked against the packaged changelog ({@code HistoryGuard}), created and written by this library
 * ({@code HistoryTable}, {@code HistoryTableGenerator}).
 */
package org.marsai.schema.internal.history;
