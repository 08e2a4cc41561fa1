package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The offline script reads as a DBA expects: the banner first, history rows numbered 1, 2, 3… */
class ReviewableScriptTest {

    private static final Pattern ORDER = Pattern.compile("(?m)^INSERT INTO DATABASECHANGELOG .*? VALUES \\('([^']+)',"
            + " 'marsai', '[^']+', NOW\\(\\), (\\d+), ");

    private final MarsSchema offline = MarsSchema.configure().load();

    @Test
    void bannerComesFirstThenTheHistoryTableThenTheChangeSets() {
        String sql = offline.updateSql();
        List<String> lines = sql.lines().toList();
        assertThat(lines.get(0)).as("first line").startsWith("--  ****");
        assertThat(lines.get(1)).isEqualTo("--  Update Database Script");
        int createHistory = sql.indexOf("CREATE TABLE DATABASECHANGELOG (");
        assertThat(createHistory).as("history table after the banner, before the first changeset")
                .isGreaterThan(sql.indexOf("--  Liquibase version:"))
                .isLessThan(sql.indexOf("--  Changeset "));
    }

    @Test
    void historyRowsAreNumberedOneByOneInChangelogOrder() {
        assertThat(orders(offline.updateSql())).as("ORDEREXECUTED of each history row")
                .isEqualTo(IntStream.rangeClosed(1, offline.changeSets().size()).boxed().toList());
        List<Integer> partial = orders(offline.updateSqlTo("20260128144807-alter-movies"));
        assertThat(partial).isNotEmpty().isEqualTo(IntStream.rangeClosed(1, partial.size()).boxed().toList());
    }

    private static List<Integer> orders(String sql) {
        List<Integer> orders = new ArrayList<>();
        Matcher m = ORDER.matcher(sql);
        while (m.find()) {
            orders.add(Integer.parseInt(m.group(2)));
        }
        return orders;
    }
}
