package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.MarsSchemaException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class MarsSchemaFailureAnalyzerTest {

    private final MarsSchemaFailureAnalyzer analyzer = new MarsSchemaFailureAnalyzer();

    @Test
    void findsOurExceptionUnderSpringsWrappersAndShowsItsOneLine() {
        MarsSchemaException cause = new MarsSchemaException(ErrorCode.CHECKSUM_MISMATCH,
                "Changeset 20260128100000-create-users was edited after it ran: restore it.");
        Throwable failure = new UnsatisfiedDependencyException("app.xml", "usersAtStartup", "jdbc",
                new BeanCreationException("marsSchemaInitializer", "Invocation of init method failed", cause));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis).as("analysis").isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("marsai-schema: Changeset 20260128100000-create-users was"
                + " edited after it ran: restore it. [CHECKSUM_MISMATCH]");
        assertThat(analysis.getAction()).contains("marsai.schema.on-startup=none");
        assertThat(analysis.getCause()).isSameAs(cause);
    }

    @Test
    void namesTheSpringSettingThatGoesWithTheFailure() {
        assertThat(analyzer.analyze(new LockTimeoutException("Another process holds the lock.")).getAction())
                .contains("marsai.schema.lock-wait");
        assertThat(analyzer.analyze(new MarsSchemaException(ErrorCode.AUTHENTICATION_FAILED, "Access denied.")).getAction())
                .contains("spring.datasource.username", "spring.datasource.password", "marsai.schema.password");
        assertThat(analyzer.analyze(new MarsSchemaException(ErrorCode.CONNECTION_FAILED, "No answer.")).getAction())
                .contains("spring.datasource.url", "marsai.schema.url");
        assertThat(analyzer.analyze(new MarsSchemaException(ErrorCode.VALIDATION_FAILED, "Refusing.")).getAction())
                .contains("marsai.schema.on-startup=update");
    }

    @Test
    void commandLineHintsAreLeftOutAndThePrefixIsWrittenOnce() {
        MarsSchemaException refused = new MarsSchemaException(ErrorCode.AUTHENTICATION_FAILED, "The server at"
                + " jdbc:mysql://db:3306/marsai refused user 'app'@'10.0.0.5' (wrong password, or the user does not exist):"
                + " check the user name and password (CLI: --username/--password, or DB_USER/DB_PASSWORD).");
        assertThat(analyzer.analyze(refused).getDescription()).isEqualTo("marsai-schema: The server at"
                + " jdbc:mysql://db:3306/marsai refused user 'app'@'10.0.0.5' (wrong password, or the user does not exist):"
                + " check the user name and password. [AUTHENTICATION_FAILED]");
        MarsSchemaException prefixed = new MarsSchemaException(ErrorCode.UNEXPECTED, "marsai-schema: something.");
        assertThat(analyzer.analyze(prefixed).getDescription()).isEqualTo("marsai-schema: something. [UNEXPECTED]");
    }

    @Test
    void anUnsupportedLiquibaseIsFixedWithTheBuildPropertyNotAMarsSchemaProperty() {
        FailureAnalysis analysis = analyzer.analyze(new MarsSchemaException(ErrorCode.UNSUPPORTED_LIQUIBASE,
                "Liquibase 5.1.0 is on the class path and marsai-schema runs on Liquibase 4.33.x and 5.0.x."));
        assertThat(analysis.getAction()).contains("liquibase.version", "<properties>", "ext['liquibase.version']",
                "org.liquibase:liquibase-core").doesNotContain("marsai.schema.");
        assertThat(analysis.getDescription()).doesNotContain("marsai-schema: marsai-schema");
    }

    @Test
    void leavesOtherFailuresToSpringBoot() {
        assertThat(analyzer.analyze(new BeanCreationException("other", "boom", new IllegalStateException("x")))).isNull();
    }
}
