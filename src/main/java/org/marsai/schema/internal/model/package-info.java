/**
 * Not API. The schema as data, with no server and no Liquibase in it: what a database should hold
 * ({@code SchemaBuilder} from changes), what it holds ({@code SchemaReader} from {@code information_schema}), how
 * two compare ({@code SchemaComparator}, {@code Normalization}) and what a change would lose ({@code LossAnalysis}).
 */
package org.marsai.schema.internal.model;
