package org.marsai.schema.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Databases as the original sequelize-cli migrations leave them: the schema after the first k migrations
 * (from {@code sequelize/migrations.sql}), {@code SequelizeMeta} with their k file names, and realistic rows.
 */
public final class SequelizeDatabase {

    private static final Map<String, List<String>> BLOCKS = blocks("/sequelize/migrations.sql");

    private SequelizeDatabase() {
    }

    /** The statements of a file of "-- @ NAME" blocks (one statement a line, ending in ';'), by block, in order. */
    static Map<String, List<String>> blocks(String resource) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        String current = null;
        for (String line : ExpectedSchema.resource(resource).split("\n")) {
            if (line.startsWith("-- @ ")) {
                current = line.substring(5).trim();
                blocks.put(current, new ArrayList<>());
            } else if (current != null && !line.isBlank() && !line.startsWith("--")) {
                blocks.get(current).add(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
            }
        }
        return blocks;
    }

    public static List<String> migrations() {
        return List.copyOf(BLOCKS.keySet());
    }

    /** Runs the first k original migrations and records them in SequelizeMeta, as sequelize-cli does. */
    public static void build(TestDatabase db, int k) {
        build(db, k, ".cjs");
    }

    public static void build(TestDatabase db, int k, String suffix) {
        List<String> names = migrations();
        db.execute("CREATE TABLE IF NOT EXISTS `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY (`name`))"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE utf8mb3_unicode_ci");
        for (int i = 0; i < k; i++) {
            BLOCKS.get(names.get(i)).forEach(db::execute);
            db.execute("INSERT INTO `SequelizeMeta` (`name`) VALUES ('" + names.get(i) + suffix + "')");
        }
    }

    /** Rows a festival database holds, in every table and column the first k migrations created. */
    public static void seed(TestDatabase db, int k) {
        List<String> names = migrations();
        List<String> done = names.subList(0, k);
        if (done.contains("20260128100000-create-users")) {
            db.execute("INSERT INTO users (first_name, last_name, email, password, city, job, known_by_mars_ai, role) VALUES"
                    + " ('Émilie', 'Durand', 'emilie@example.org', '$2b$10$hash1', 'Marseille', 'DIRECTOR', 'Vu une publicité du festival', 'PRODUCER'),"
                    + " ('Jeanne', 'd''Arc', 'jeanne@example.org', '$2b$10$hash2', 'Orléans', 'WRITER', 'Via le site internet ou application de l''IA', 'JURY'),"
                    + " ('Paul', 'Ami', 'paul@example.org', '$2b$10$hash3', NULL, NULL, 'Par un ami', 'ADMIN'),"
                    + " ('Zoé', 'Jury', 'zoe@example.org', '$2b$10$hash4', 'Lyon', 'ACTOR', NULL, 'JURY')");
        }
        if (done.contains("20260128100001-create-categories")) {
            db.execute("INSERT INTO categories (name) VALUES ('Court métrage'), ('Animation'), ('Documentaire')");
        }
        if (done.contains("20260128100002-create-collaborators")) {
            db.execute("INSERT INTO collaborators (first_name, last_name, email, job) VALUES"
                    + " ('Léa', 'Martin', 'lea@example.org', 'Monteuse'), ('Hugo', 'Bernard', 'hugo@example.org', NULL)");
        }
        if (done.contains("20260128100003-create-events")) {
            db.execute("INSERT INTO events (name, description, date, location) VALUES"
                    + " ('Ouverture', 'Soirée d''ouverture', '2026-06-01 19:00:00', 'Le Silo, Marseille'),"
                    + " ('Palmarès', NULL, '2026-06-07 20:00:00', NULL)");
        }
        if (done.contains("20260128100004-create-movies")) {
            boolean owned = done.contains("20260128144807-alter-movies");
            boolean widened = done.contains("20260216120000-alter-movies-selection-status");
            List<String> statuses = widened
                    ? List.of("submitted", "assigned", "to_discuss", "candidate", "awarded", "refused", "selected", "finalist")
                    : List.of("submitted", "refused", "to_discuss", "selected", "finalist");
            for (int i = 0; i < statuses.size(); i++) {
                db.execute(owned
                        ? "INSERT INTO movies (title, description, duration, main_language, release_year, synopsis,"
                                + " selection_status, id_user) VALUES ('Film " + i + " — Mars', 'Une histoire d''IA', "
                                + (3 + i) + ", 'fr', 2026, 'Synopsis " + i + "', '" + statuses.get(i) + "', " + (1 + i % 4) + ")"
                        : "INSERT INTO movies (title, description, duration, main_language, release_year) VALUES"
                                + " ('Film " + i + " — Mars', 'Une histoire d''IA', " + (3 + i) + ", 'fr', 2026)");
            }
            if (done.contains("20260205100000-add-assigned-jury-to-movies")) {
                db.execute("UPDATE movies SET assigned_jury_id = 2 WHERE id_movie IN (2, 3)");
            }
            if (done.contains("20260214130000-add-admin-comment-to-movies")) {
                db.execute("UPDATE movies SET admin_comment = 'À revoir' WHERE id_movie = 1");
            }
            if (done.contains("20260216123000-add-jury-comment-to-movies")) {
                db.execute("UPDATE movies SET jury_comment = 'Très beau' WHERE id_movie = 2");
            }
            if (done.contains("20260220123459-rename-youtbe-status-to-youtube-status")) {
                db.execute("UPDATE movies SET youtube_status = 'published', youtube_movie_id = 'dQw4w9WgXcQ' WHERE id_movie = 1");
            } else if (done.contains("20260219132833-add-fields-to-movies")) {
                db.execute("UPDATE movies SET youtbe_status = 'published', youtube_movie_id = 'dQw4w9WgXcQ' WHERE id_movie = 1");
            }
        }
        if (done.contains("20260128100005-create-awards")) {
            db.execute("INSERT INTO awards (id_movie, award_name) VALUES (1, 'Grand prix'), (2, 'Prix du public')");
        }
        if (done.contains("20260128100006-create-votes")) {
            db.execute("INSERT INTO votes (id_movie, id_user, note, comments) VALUES (1, 2, 'YES', 'Magnifique'),"
                    + " (2, 2, 'TO DISCUSS', NULL), (3, 4, 'NO', 'Trop long')");
            if (done.contains("20260212150000-add-vote-modification-tracking")) {
                db.execute("UPDATE votes SET modification_count = 2 WHERE id_vote = 1");
            }
        }
        if (done.contains("20260128100008-create-reservations")) {
            db.execute("INSERT INTO reservations (id_event, first_name, last_name, email, number_seats) VALUES"
                    + " (1, 'Chloé', 'Petit', 'chloe@example.org', 2), (1, 'Marc', 'Roux', 'marc@example.org', 4)");
        }
        if (done.contains("20260128100009-create-movies-categories")) {
            db.execute("INSERT INTO movies_categories (id_movie, id_categorie) VALUES (1, 1), (1, 3), (2, 2)");
        }
        if (done.contains("20260128100010-create-collaborators-movies")) {
            db.execute("INSERT INTO collaborators_movies (id_collaborator, id_movie) VALUES (1, 1), (2, 2)");
        }
        if (done.contains("20260205131006-create-movies-juries")) {
            db.execute("INSERT INTO movies_juries (id_movie, id_user) VALUES (1, 2), (2, 2), (3, 4)");
        }
        if (done.contains("20260216100000-create-vote-histories")) {
            // Release 1.1 makes the note an ENUM, as in votes (a database the fixture seeds after it).
            boolean enumNote = db.count("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 'vote_histories' AND COLUMN_NAME = 'note' AND DATA_TYPE = 'enum'") > 0;
            db.execute("INSERT INTO vote_histories (id_vote, id_user, id_movie, note, comments) VALUES"
                    + (enumNote ? " (1, 2, 1, 'YES', 'Premier avis'), (1, 2, 1, 'TO DISCUSS', 'Changé d''avis')"
                    // FLOAT notes: 0, as the Node back-end had reduced them before release 1.1 made them ENUMs
                    : " (1, 2, 1, 0, 'Premier avis'), (1, 2, 1, 0, 'Changé d''avis')"));
        }
        if (done.contains("20260302111532-create-sponsors")) {
            db.execute("INSERT INTO sponsors (name, logo, url, category, createdAt, updatedAt) VALUES"
                    + " ('Région Sud', 'region.png', 'https://example.org', 'Institution', NOW(), NOW())");
        }
        if (done.contains("20260302171000-create-newsletter-subscribers")) {
            db.execute("INSERT INTO newsletter_subscribers (email, first_name, source, is_active) VALUES"
                    + " ('fan@example.org', 'Inès', 'PUBLIC', 1), ('director@example.org', NULL, 'FILM_CANDIDACY', 0)");
        }
    }

    /** The columns of every MarsAI table, in order. */
    public static Map<String, List<String>> columns(TestDatabase db) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (List<String> row : db.query("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + db.name() + "' ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            if (!row.get(0).equalsIgnoreCase("SequelizeMeta") && !row.get(0).toUpperCase().startsWith("DATABASECHANGELOG")) {
                columns.computeIfAbsent(row.get(0), t -> new ArrayList<>()).add(row.get(1));
            }
        }
        return columns;
    }

    /** Every row of the given tables and columns, each table's rows in key order: to compare before and after. */
    public static Map<String, List<List<String>>> rows(TestDatabase db, Map<String, List<String>> columns) {
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        columns.forEach((table, names) -> rows.put(table, db.query("SELECT " + String.join(", ",
                names.stream().map(c -> "`" + c + "`").toList()) + " FROM `" + table + "` ORDER BY 1, 2")));
        return rows;
    }

    public static Map<String, List<List<String>>> rows(TestDatabase db) {
        return rows(db, columns(db));
    }

    public static List<String> sequelizeMeta(TestDatabase db) {
        return db.query("SELECT name FROM SequelizeMeta ORDER BY name").stream().map(r -> r.get(0)).toList();
    }
}
