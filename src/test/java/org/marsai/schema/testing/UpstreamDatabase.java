package org.marsai.schema.testing;

import java.util.List;
import java.util.Map;

/**
 * Databases as the upstream project's real sequelize-cli migrations (eae32f7) leave them, built from the DDL
 * sequelize-cli really sent ({@code sequelize/upstream-eae32f7.sql}, derived by
 * {@code src/test/sequelize/sequelize-reference.sh}), with {@code SequelizeMeta} as sequelize-cli writes it and
 * rows written at each stage; and the pictures read from those real runs ({@code sequelize/reference-eae32f7/}).
 */
public final class UpstreamDatabase {

    public static final String ALTER_VOTE_HISTORIES = "20260226130000-alter-vote-histories";
    public static final String ADD_DECISION = "20260324120000-add-decision-to-votes";
    /** The last migration of release 1.0 (the 24 of the specification). */
    public static final String LAST_OF_24 = "20260302171000-create-newsletter-subscribers";

    private static final Map<String, List<String>> BLOCKS = SequelizeDatabase.blocks("/sequelize/upstream-eae32f7.sql");

    private UpstreamDatabase() {
    }

    /** The upstream migrations, in sequelize-cli's order (by name). */
    public static List<String> migrations() {
        return List.copyOf(BLOCKS.keySet());
    }

    /**
     * A database upstream's files left at {@code count} (24, 25 or 26) as a team that followed the project
     * has it: the 24 first, then 25 and 26 as they appeared; rows written at each stage (at 24, notes reduced
     * to 0 as upstream's back-end had done; at 25, a note of each kind; at 26, a decision of each kind).
     */
    public static void buildAsFollowed(TestDatabase db, int count) {
        createSequelizeMeta(db);
        for (String name : migrations()) {
            if (!name.equals(ALTER_VOTE_HISTORIES) && !name.equals(ADD_DECISION)) {
                run(db, name);
            }
        }
        SequelizeDatabase.seed(db, 24); // notes 0
        if (count >= 25) {
            run(db, ALTER_VOTE_HISTORIES);
            db.execute("INSERT INTO vote_histories (id_vote, id_user, id_movie, note, comments) VALUES"
                    + " (2, 2, 2, 'TO DISCUSS', 'À revoir'), (3, 4, 3, 'YES', NULL)");
        }
        if (count >= 26) {
            run(db, ADD_DECISION);
            db.execute("UPDATE votes SET decision = 'accepted' WHERE id_vote = 1");
            db.execute("UPDATE votes SET decision = 'rejected' WHERE id_vote = 3");
        }
    }

    /** All 26 files from empty in one run, in sequelize-cli's order, then rows. */
    public static void buildFresh(TestDatabase db) {
        createSequelizeMeta(db);
        migrations().forEach(name -> run(db, name));
        SequelizeDatabase.seed(db, 24);
        db.execute("UPDATE votes SET decision = 'accepted' WHERE id_vote = 1");
    }

    /** All 26 files from empty, no rows: the database the back-end's model operations start from. */
    public static void buildSchema(TestDatabase db) {
        createSequelizeMeta(db);
        migrations().forEach(name -> run(db, name));
    }

    private static void createSequelizeMeta(TestDatabase db) {
        db.execute("CREATE TABLE IF NOT EXISTS `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY"
                + " (`name`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE utf8mb3_unicode_ci");
    }

    private static void run(TestDatabase db, String name) {
        BLOCKS.get(name).forEach(db::execute);
        db.execute("INSERT INTO `SequelizeMeta` (`name`) VALUES ('" + name + ".cjs')");
    }

    /** The picture upstream's sequelize-cli run left after 24 ("S24"), 25 or 26 migrations, sorted. */
    public static List<String> reference(int count) {
        return ExpectedSchema.resource("/sequelize/reference-eae32f7/S" + count + ".txt").lines()
                .filter(l -> !l.isBlank()).sorted().toList();
    }
}
