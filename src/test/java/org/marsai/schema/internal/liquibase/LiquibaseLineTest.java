package org.marsai.schema.internal.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

public class LiquibaseLineTest {

    @Test
    void theTwoTestedLinesAreSupported() {
        assertThat(LiquibaseLine.supported("4.33.0")).as("4.33.0, the build's").isTrue();
        assertThat(LiquibaseLine.supported("5.0.3")).as("5.0.3, Spring Boot 4.0.7's").isTrue();
        assertThat(LiquibaseLine.supported("5.0.4")).as("5.0.4").isTrue();
        assertThatCode(LiquibaseLine::require).as("the Liquibase on the test class path").doesNotThrowAnyException();
    }

    @Test
    void otherLinesAreNot() {
        assertThat(LiquibaseLine.supported("4.31.1")).as("Spring Boot 3.5's").isFalse();
        assertThat(LiquibaseLine.supported("4.3.5")).as("4.3.5 is not 4.33").isFalse();
        assertThat(LiquibaseLine.supported("5.1.0")).as("an untested line").isFalse();
        assertThat(LiquibaseLine.supported("6.0.0")).isFalse();
    }
}
