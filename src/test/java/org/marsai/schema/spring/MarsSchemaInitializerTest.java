package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.Difference;
import org.marsai.schema.SchemaDiff;

class MarsSchemaInitializerTest {

    @Test
    void aFewPendingMigrationsAreNamedEachOnceManyByTheirFirstAndLast() {
        List<ChangeSetInfo> three = List.of(changeSet("m1", "m1"), changeSet("m1", "m1-index"), changeSet("m2", "m2"),
                changeSet("m3", "m3"));
        assertThat(MarsSchemaInitializer.pendingMessage(three)).isEqualTo("Refusing to start"
                + " (marsai.schema.on-startup=validate): 3 migration(s) pending, m1, m2, m3: apply them first"
                + " (one start with marsai.schema.on-startup=update, or MarsSchema.update() from a deployment step).");
        List<ChangeSetInfo> four = List.of(changeSet("m1", "m1"), changeSet("m2", "m2"), changeSet("m3", "m3"),
                changeSet("m4", "m4"));
        assertThat(MarsSchemaInitializer.pendingMessage(four)).contains("4 migration(s) pending, from m1 to m4: ");
    }

    @Test
    void driftIsOneLineWithTheFirstFiveDifferences() {
        List<Difference> differences = IntStream.rangeClosed(1, 7).mapToObj(i -> new Difference(
                Difference.Kind.COLUMN_EXTRA, "movies", "extra" + i, "", "int NULL")).toList();
        String message = MarsSchemaInitializer.driftMessage(new SchemaDiff("db", "the changelog", differences));

        assertThat(message).doesNotContain("\n")
                .startsWith("Refusing to start (marsai.schema.on-startup=validate): db differs from the changelog in 7"
                        + " place(s): movies.extra1 is not in the schema: found int NULL; ")
                .contains("movies.extra5").doesNotContain("movies.extra6")
                .contains("; and 2 more; correct the schema")
                .as("a Spring application has no command line to run").doesNotContain("java -jar");
    }

    private static ChangeSetInfo changeSet(String migration, String id) {
        return new ChangeSetInfo(migration, id, "marsai", "");
    }
}
