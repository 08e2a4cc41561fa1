package org.marsai.schema.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.marsai.schema.MarsSchema;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * Every migration after 20260205100000-add-assigned-jury-to-movies, timed on a database holding 1,000,000
 * movies and 1,000,000 votes, with whether the server rebuilt (copied) the big tables to do it.
 *
 * <p>Run: {@code mvn -q -DskipTests -Pbenchmark package exec:exec@large-tables} (see BENCHMARKS.md).
 */
public final class LargeTableBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

    public static void main(String[] args) throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect(); Statement s = c.createStatement()) {
            MarsSchema schema = db.schema();
            String loadedAt = "20260205100000-add-assigned-jury-to-movies";
            schema.updateTo(loadedAt);
            long start = System.nanoTime();
            s.execute("INSERT INTO users (first_name, last_name, email, password) VALUES ('Ada', 'Jury', 'ada@example.org', 'x')");
            s.execute("CREATE TEMPORARY TABLE digits (d INT)");
            s.execute("INSERT INTO digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
            String numbers = "SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d AS n"
                    + " FROM digits a, digits b, digits c, digits e, digits f, digits g";
            // Temporary tables cannot be opened twice in one statement: copy the digits.
            for (String t : List.of("b", "c", "e", "f", "g")) {
                numbers = numbers.replace("digits " + t, "digits_" + t + " " + t);
                s.execute("CREATE TEMPORARY TABLE digits_" + t + " AS SELECT d FROM digits");
            }
            s.execute("INSERT INTO movies (title, description, duration, id_user, selection_status) SELECT CONCAT('Film ', n),"
                    + " 'Une histoire', 90, 1, ELT(1 + n % 5, 'submitted', 'refused', 'to_discuss', 'selected', 'finalist')"
                    + " FROM (" + numbers + ") x WHERE n < " + ROWS);
            s.execute("INSERT INTO votes (id_movie, id_user, note) SELECT 1 + n, 1, ELT(1 + n % 3, 'YES', 'NO', 'TO DISCUSS')"
                    + " FROM (" + numbers + ") x WHERE n < " + ROWS);
            System.err.printf(Locale.ROOT, "loaded %,d movies and %,d votes in %.1f s%n", count(s, "movies"), count(s, "votes"),
                    (System.nanoTime() - start) / 1e9);

            List<String> migrations = schema.migrations();
            System.out.printf(Locale.ROOT, "%-58s %10s  %s%n", "migration (" + ROWS + " movies, " + ROWS + " votes)", "seconds",
                    "big tables rebuilt");
            for (String migration : migrations.subList(migrations.indexOf(loadedAt) + 1, migrations.size())) {
                long movies = tableId(s, db, "movies");
                long votes = tableId(s, db, "votes");
                long t = System.nanoTime();
                schema.updateTo(migration);
                double seconds = (System.nanoTime() - t) / 1e9;
                String rebuilt = (tableId(s, db, "movies") != movies ? "movies " : "")
                        + (tableId(s, db, "votes") != votes ? "votes" : "");
                System.out.printf(Locale.ROOT, "%-58s %10.2f  %s%n", migration, seconds, rebuilt.isBlank() ? "-" : rebuilt.trim());
            }
        }
        System.exit(0);
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** InnoDB's id of the table's tablespace: a copying ALTER creates a new one. */
    private static long tableId(Statement s, TestDatabase db, String table) throws Exception {
        String sql = "SELECT TABLE_ID FROM information_schema.INNODB_SYS_TABLES WHERE NAME = '" + db.name() + "/" + table + "'";
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException mysql) {
            try (ResultSet rs = s.executeQuery("SELECT TABLE_ID FROM information_schema.INNODB_TABLES WHERE NAME = '"
                    + db.name() + "/" + table + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
