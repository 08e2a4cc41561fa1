package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.marsai.schema.MarsSchemaException;

class LiquibaseVersionTest {

    @Test
    void theLiquibaseOfTheBuildIsAccepted() {
        assertThat(LiquibaseVersion.found()).as("Liquibase on the test classpath").startsWith("4.33.");
        assertThatCode(() -> LiquibaseVersion.require(LiquibaseVersion.found())).doesNotThrowAnyException();
        assertThatCode(() -> LiquibaseVersion.require("4.33.1")).doesNotThrowAnyException();
    }

    @Test
    void springBootsLiquibaseFiveIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> LiquibaseVersion.require("5.0.3"))
                .isInstanceOf(MarsSchemaException.class)
                .hasMessage("marsai-schema needs Liquibase 4.33.x and the application has Liquibase 5.0.3 (Spring Boot's"
                        + " dependency management chooses 5.x): set the Maven property liquibase.version to 4.33.0"
                        + " (Gradle: ext['liquibase.version'] = '4.33.0').");
    }
}
