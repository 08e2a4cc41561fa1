package org.marsai.schema.spring.actuate;

import java.util.Objects;

import org.marsai.schema.MarsSchema;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code marsschema}. DOWN while migrations are pending (the code expects a schema the
 * database does not have yet); UP otherwise. Drift does not change the status — an index added by hand
 * must not take every node out of a load balancer — but is reported: {@code drift} and the number of
 * {@code differences} ({@code /actuator/marsschema} lists them). Changesets of a newer version
 * ({@code unknown}, e.g. during a rolling deployment) are counted and leave the status UP.
 */
public class MarsSchemaHealthIndicator extends AbstractHealthIndicator {

    private final MarsSchema schema;

    public MarsSchemaHealthIndicator(MarsSchema schema) {
        super("marsai-schema could not read the database's schema history");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SchemaReport report = SchemaReport.read(schema);
        if (report.status().upToDate()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("upToDate", report.status().upToDate());
        builder.withDetail("pending", report.pendingMigrations());
        builder.withDetail("unknown", report.status().unknown().size());
        if (report.diff() != null) {
            builder.withDetail("drift", report.diff().drift());
            builder.withDetail("differences", report.diff().differences().size());
        }
    }
}
