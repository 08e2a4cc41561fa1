package org.marsai.schema.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How MariaDB's and MySQL 8's spellings of one schema are brought to one form. */
class NormalizationTest {

    @Test
    void integerDisplayWidthsAreDroppedExceptTheBooleanTinyint() {
        assertThat(Normalization.type("INT(11)")).as("MariaDB's int").isEqualTo("int");
        assertThat(Normalization.type("bigint(20) unsigned")).isEqualTo("bigint unsigned");
        assertThat(Normalization.type("smallint(6)")).isEqualTo("smallint");
        assertThat(Normalization.type("tinyint(4)")).isEqualTo("tinyint");
        assertThat(Normalization.type("tinyint(1)")).as("a boolean keeps its width").isEqualTo("tinyint(1)");
        assertThat(Normalization.type("varchar(255)")).as("not an integer: the length is the type")
                .isEqualTo("varchar(255)");
        assertThat(Normalization.type("decimal(10,2)")).isEqualTo("decimal(10,2)");
    }

    @Test
    void enumValuesKeepTheirCaseWhileTheKeywordIsLowered() {
        assertThat(Normalization.type("ENUM('Draft','Published')")).isEqualTo("enum('Draft','Published')");
        assertThat(Normalization.type(" SET('A','b') ")).isEqualTo("set('A','b')");
    }

    @Test
    void everySpellingOfTheCurrentTimeIsCurrentTimestamp() {
        assertThat(Normalization.currentTimestamp("current_timestamp()")).as("MariaDB").isEqualTo("CURRENT_TIMESTAMP");
        assertThat(Normalization.currentTimestamp("CURRENT_TIMESTAMP")).as("MySQL 8").isEqualTo("CURRENT_TIMESTAMP");
        assertThat(Normalization.currentTimestamp(" NOW() ")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(Normalization.currentTimestamp("'2026-01-01 00:00:00'")).isNull();
        assertThat(Normalization.currentTimestamp("current_timestamp(3)")).as("another precision is another default")
                .isNull();
    }

    @Test
    void noActionIsRestrictAndNoRuleIsRestrict() {
        assertThat(Normalization.rule("NO ACTION")).isEqualTo("RESTRICT");
        assertThat(Normalization.rule("no_action")).isEqualTo("RESTRICT");
        assertThat(Normalization.rule(null)).isEqualTo("RESTRICT");
        assertThat(Normalization.rule(" ")).isEqualTo("RESTRICT");
        assertThat(Normalization.rule("set_null")).isEqualTo("SET NULL");
        assertThat(Normalization.rule("cascade")).isEqualTo("CASCADE");
    }

    @Test
    void textualTypesAreThoseWhoseDefaultIsAStringLiteral() {
        assertThat(Normalization.isTextual("varchar(255)")).isTrue();
        assertThat(Normalization.isTextual("ENUM('a','b')")).isTrue();
        assertThat(Normalization.isTextual("text")).isTrue();
        assertThat(Normalization.isTextual("int")).isFalse();
        assertThat(Normalization.isTextual("datetime")).isFalse();
        assertThat(Normalization.isTextual("tinyint(1)")).isFalse();
    }

    @Test
    void quotingDoublesQuotesAndUnquotingUndoesIt() {
        assertThat(Normalization.quote("l'été")).isEqualTo("'l''été'");
        assertThat(Normalization.unquote("'l''été'")).isEqualTo("l'été");
        assertThat(Normalization.unquote(" 42 ")).as("not quoted: as it is").isEqualTo("42");
    }
}
