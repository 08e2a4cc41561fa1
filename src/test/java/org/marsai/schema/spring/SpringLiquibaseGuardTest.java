package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.spring.MarsSchemaProperties.OnStartup;

class SpringLiquibaseGuardTest {

    @Test
    void recognisesOurChangelogHoweverItIsSpelled() {
        assertThat(SpringLiquibaseGuard.runsMarsChangelog("classpath:org/marsai/schema/changelogs/marsai-changelog.yaml")).isTrue();
        assertThat(SpringLiquibaseGuard.runsMarsChangelog("classpath:/org/marsai/schema/changelogs/marsai-changelog.yaml")).isTrue();
        assertThat(SpringLiquibaseGuard.runsMarsChangelog("org/marsai/schema/changelogs/marsai-changelog.yaml")).isTrue();
        assertThat(SpringLiquibaseGuard.runsMarsChangelog("classpath:org/marsai/schema/changelogs/20260128100000-create-users.yaml"))
                .as("one of our migration files").isTrue();
        assertThat(SpringLiquibaseGuard.runsMarsChangelog("file:changelogs\\marsai-changelog.yaml")).as("the folder's root file").isTrue();
    }

    @Test
    void leavesOtherChangelogsAlone() {
        assertThat(SpringLiquibaseGuard.runsMarsChangelog("classpath:db/changelog/db.changelog-master.yaml")).isFalse();
        assertThat(SpringLiquibaseGuard.runsMarsChangelog(null)).isFalse();
        SpringLiquibase own = liquibase("classpath:db/changelog/db.changelog-master.yaml");
        assertThat(new SpringLiquibaseGuard(OnStartup.UPDATE).postProcessBeforeInitialization(own, "liquibase"))
                .as("the bean, untouched").isSameAs(own);
    }

    @Test
    void refusesSpringLiquibaseOnOurChangelogWhenTheLibraryAppliesIt() {
        SpringLiquibase ours = liquibase("classpath:org/marsai/schema/changelogs/marsai-changelog.yaml");
        for (OnStartup mode : new OnStartup[] {OnStartup.UPDATE, OnStartup.VALIDATE}) {
            assertThatThrownBy(() -> new SpringLiquibaseGuard(mode).postProcessBeforeInitialization(ours, "liquibase"))
                    .as("with on-startup=" + mode)
                    .isInstanceOf(MarsSchemaException.class)
                    .hasMessageStartingWith("Spring's Liquibase (bean 'liquibase', change log classpath:org/marsai/schema/")
                    .hasMessageEndingWith("or set marsai.schema.enabled=false to keep plain Liquibase.")
                    .satisfies(e -> assertThat(((MarsSchemaException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
        }
    }

    @Test
    void onlyWarnsWhenTheLibraryLeavesTheSchemaAlone() {
        SpringLiquibase ours = liquibase("classpath:org/marsai/schema/changelogs/marsai-changelog.yaml");
        assertThat(new SpringLiquibaseGuard(OnStartup.NONE).postProcessBeforeInitialization(ours, "liquibase")).isSameAs(ours);
    }

    private static SpringLiquibase liquibase(String changeLog) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setChangeLog(changeLog);
        return liquibase;
    }
}
