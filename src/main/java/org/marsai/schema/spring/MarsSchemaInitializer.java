package org.marsai.schema.spring;

import java.util.List;
import java.util.Objects;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.Difference;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.SchemaDiff;
import org.marsai.schema.StatusResult;
import org.marsai.schema.spring.MarsSchemaProperties.OnStartup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The start-up step: updates or validates the schema when the application context creates this bean.
 * Spring Boot's database-initialization ordering (a {@code DatabaseInitializerDetector} that names this type)
 * makes JPA, {@code JdbcTemplate}, {@code spring.sql.init}, Flyway, Spring's Liquibase and every bean marked
 * {@code @DependsOnDatabaseInitialization} wait for it.
 */
public class MarsSchemaInitializer implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(MarsSchemaInitializer.class);
    private static final int DIFFERENCES_SHOWN = 5;

    private final MarsSchema schema;
    private final OnStartup onStartup;

    public MarsSchemaInitializer(MarsSchema schema, OnStartup onStartup) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.onStartup = Objects.requireNonNull(onStartup, "onStartup");
    }

    public OnStartup onStartup() {
        return onStartup;
    }

    @Override
    public void afterPropertiesSet() {
        switch (onStartup) {
            case UPDATE -> schema.update();
            case VALIDATE -> validate();
            case NONE -> LOG.info("marsai.schema.on-startup=none: the schema is left as it is");
        }
    }

    private void validate() {
        // status first: on a database with nothing applied, MarsSchema.validate() creates an empty history table
        StatusResult status = schema.status();
        if (!status.canUpdate()) {
            throw refusal("Refusing to start (marsai.schema.on-startup=validate): " + String.join(" ",
                    status.problems().stream().map(p -> p.message()).toList()));
        }
        if (!status.isUpToDate()) {
            throw refusal(pendingMessage(status.pending()));
        }
        schema.validate().orThrow();
        if (!status.unknown().isEmpty()) {
            LOG.warn("marsai.schema.on-startup=validate: {} changeset(s) of a newer version are applied ({}), so this"
                    + " version cannot judge drift; every migration it knows is applied. Validate with the newer"
                    + " version.", status.unknown().size(), String.join(", ", status.unknown().stream().limit(5)
                    .map(e -> e.id()).toList()));
            return;
        }
        SchemaDiff diff = schema.diff();
        if (diff.hasDrift()) {
            throw refusal(driftMessage(diff));
        }
        LOG.info("marsai.schema.on-startup=validate: {} migration(s) applied, none pending, no drift",
                status.migrations().size());
    }

    private static MarsSchemaException refusal(String message) {
        return new MarsSchemaException(ErrorCode.VALIDATION_FAILED, message);
    }

    static String pendingMessage(List<ChangeSetInfo> pending) {
        List<String> migrations = pending.stream().map(ChangeSetInfo::migration).distinct().toList();
        String names = migrations.size() <= 3 ? String.join(", ", migrations)
                : "from " + migrations.get(0) + " to " + migrations.get(migrations.size() - 1);
        return "Refusing to start (marsai.schema.on-startup=validate): " + migrations.size()
                + " migration(s) pending, " + names + ": apply them first (one start with marsai.schema.on-startup=update, or MarsSchema.update()"
                + " from a deployment step).";
    }

    static String driftMessage(SchemaDiff diff) {
        List<Difference> differences = diff.differences();
        StringBuilder text = new StringBuilder("Refusing to start (marsai.schema.on-startup=validate): ")
                .append(diff.database()).append(" differs from ").append(diff.reference()).append(" in ")
                .append(differences.size()).append(" place(s): ");
        differences.stream().limit(DIFFERENCES_SHOWN).forEach(d -> text.append(d.message()).append("; "));
        if (differences.size() > DIFFERENCES_SHOWN) {
            text.append("and ").append(differences.size() - DIFFERENCES_SHOWN).append(" more; ");
        }
        return text.append("correct the schema (MarsSchema.diff(), or the actuator endpoint marsschema, lists every difference),")
                .append(" or start with marsai.schema.on-startup=update, which does not check for drift.").toString();
    }
}
