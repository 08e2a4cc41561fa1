package org.marsai.schema;

import java.util.List;

/**
 * Adopting a database that the original sequelize-cli migrations built: what its {@code SequelizeMeta}
 * says, and what adoption records.
 *
 * @param sequelizeMigrations the migrations {@code SequelizeMeta} lists, as names without {@code .cjs}
 * @param changeSetsToRecord  the changesets that will be (or were) recorded as applied, without running
 * @param remaining           the changesets an update applies afterwards
 * @param differences         where the schema differs from what those migrations imply; adoption needs
 *                            none
 * @param problems            why the database cannot be adopted, one sentence each; empty when it can
 * @param findings            what adoption found and how it took it, one sentence each (a migration the Node
 *                            project deleted, a change the database already had)
 */
public record AdoptionPlan(List<String> sequelizeMigrations, List<ChangeSetInfo> changeSetsToRecord,
                           List<ChangeSetInfo> remaining, List<Difference> differences, List<String> problems,
                           List<String> findings) {

    public AdoptionPlan {
        sequelizeMigrations = List.copyOf(sequelizeMigrations);
        changeSetsToRecord = List.copyOf(changeSetsToRecord);
        remaining = List.copyOf(remaining);
        differences = List.copyOf(differences);
        problems = List.copyOf(problems);
        findings = List.copyOf(findings);
    }

    /** A plan without findings (the form of release 1.0). */
    public AdoptionPlan(List<String> sequelizeMigrations, List<ChangeSetInfo> changeSetsToRecord,
                        List<ChangeSetInfo> remaining, List<Difference> differences, List<String> problems) {
        this(sequelizeMigrations, changeSetsToRecord, remaining, differences, problems, List.of());
    }

    public boolean canAdopt() {
        return problems.isEmpty();
    }
}
