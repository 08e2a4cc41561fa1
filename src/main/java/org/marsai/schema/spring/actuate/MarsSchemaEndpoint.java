package org.marsai.schema.spring.actuate;

import java.util.Objects;

import org.marsai.schema.MarsSchema;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/marsschema}: the status by migration, the history and the drift of the application's
 * database. Reads only. Expose it like any endpoint, e.g.
 * {@code management.endpoints.web.exposure.include=health,marsschema}.
 */
@Endpoint(id = "marsschema")
public class MarsSchemaEndpoint {

    private final MarsSchema schema;

    public MarsSchemaEndpoint(MarsSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    @ReadOperation
    public SchemaReport report() {
        return SchemaReport.read(schema);
    }
}
