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
                .contains("spring.datasource.*").contains("marsai.schema.password");
        assertThat(analyzer.analyze(new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "Bad.")).getAction())
                .contains("marsai.schema.*");
    }

    @Test
    void leavesOtherFailuresToSpringBoot() {
        assertThat(analyzer.analyze(new BeanCreationException("other", "boom", new IllegalStateException("x")))).isNull();
    }
}
