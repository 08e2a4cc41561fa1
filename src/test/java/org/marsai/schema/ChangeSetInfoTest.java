package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ChangeSetInfo's equals and hashCode are written out; they keep the meaning a record gives them. */
class ChangeSetInfoTest {

    private static final ChangeSetInfo USERS = new ChangeSetInfo("20260128100000-create-users",
            "20260128100000-create-users", "marsai", "Create table users.");

    @Test
    void equalWhenAllFourComponentsAreEqual() {
        ChangeSetInfo same = new ChangeSetInfo(USERS.migration(), USERS.id(), USERS.author(), USERS.comment());
        assertThat(same).isEqualTo(USERS).hasSameHashCodeAs(USERS);
    }

    @Test
    void differentWhenAnyComponentDiffers() {
        assertThat(new ChangeSetInfo("other", USERS.id(), USERS.author(), USERS.comment())).isNotEqualTo(USERS);
        assertThat(new ChangeSetInfo(USERS.migration(), "other", USERS.author(), USERS.comment())).isNotEqualTo(USERS);
        assertThat(new ChangeSetInfo(USERS.migration(), USERS.id(), "other", USERS.comment())).isNotEqualTo(USERS);
        assertThat(new ChangeSetInfo(USERS.migration(), USERS.id(), USERS.author(), "other")).isNotEqualTo(USERS);
        assertThat(USERS).isNotEqualTo(null).isNotEqualTo("20260128100000-create-users");
    }

    @Test
    void aMissingCommentIsAnEmptyOne() {
        assertThat(new ChangeSetInfo(USERS.migration(), USERS.id(), USERS.author(), null))
                .isEqualTo(new ChangeSetInfo(USERS.migration(), USERS.id(), USERS.author(), ""));
    }
}
