/**
 * Not API. Liquibase's history table ({@code DATABASECHANGELOG}): read once per operation and checked
 * against the packaged changelog ({@code History}), created and written by this library
 * ({@code HistoryTable}, {@code HistoryTableGenerator}).
 */
package org.marsai.schema.internal.history;
