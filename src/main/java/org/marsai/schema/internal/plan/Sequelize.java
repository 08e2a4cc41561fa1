package org.marsai.schema.internal.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * The original tool's bookkeeping: {@code SequelizeMeta}, one row per applied migration file
 * ({@code 20260128100000-create-users.cjs}). Never dropped; kept in step with this library's history
 * while it exists, so that sequelize-cli still tells the truth if a team switches back for a while.
 */
public final class Sequelize {

    /**
     * Migrations the Node project deleted after databases had run them (20260226120000-add-id_movie-to-votes,
     * removed in a36de72): a name in {@code SequelizeMeta} that is no reason to refuse, since the schema decides.
     */
    static final Set<String> RETIRED = Set.of("20260226120000-add-id_movie-to-votes");

    /**
     * Migrations of this library that the Node project never had: {@code SequelizeMeta} never lists them and
     * never gets them. Each acts only where its change is missing, so the schema decides whether it ran.
     */
    static final Set<String> OURS_ONLY = Set.of("20260205131006-movies-juries-upstream-layout");

    private Sequelize() {
    }

    /** The recorded file names, sorted as sequelize-cli sorts them. */
    static List<String> names(Connection connection, String table) {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM `" + table + "`");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return new ArrayList<>(new TreeSet<>(names));
    }

    /** A recorded file name as a migration name: without {@code .cjs} or {@code .js}. */
    static String migration(String fileName) {
        String name = fileName.trim();
        for (String suffix : List.of(".cjs", ".js", ".mjs", ".ts")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /**
     * Makes the table list exactly the given migrations among ours: adds {@code NAME.cjs} for each applied
     * one it lacks, removes the rows of ours that are no longer applied. Rows it does not know stay.
     */
    static void sync(Connection connection, String table, Collection<String> ours, Set<String> applied) {
        try {
            Set<String> present = new TreeSet<>();
            names(connection, table).forEach(n -> present.add(migration(n)));
            for (String migration : ours) {
                if (OURS_ONLY.contains(migration)) {
                    continue;
                }
                if (applied.contains(migration) && !present.contains(migration)) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO `" + table + "` (name) VALUES (?)")) {
                        insert.setString(1, migration + ".cjs");
                        insert.executeUpdate();
                    }
                } else if (!applied.contains(migration) && present.contains(migration)) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM `" + table + "` WHERE name IN (?, ?, ?)")) {
                        delete.setString(1, migration);
                        delete.setString(2, migration + ".cjs");
                        delete.setString(3, migration + ".js");
                        delete.executeUpdate();
                    }
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static MarsSchemaException failure(SQLException e) {
        return new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot read or update SequelizeMeta: " + e.getMessage()
                + ". The user needs SELECT, INSERT and DELETE on it.", e);
    }
}
