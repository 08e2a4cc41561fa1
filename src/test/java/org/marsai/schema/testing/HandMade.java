package org.marsai.schema.testing;

/**
 * Changes someone made by hand before the conditional migrations 16 and 18 ran, as the original migrations
 * would have made them (for vote_histories, the server names the inline foreign key and its index).
 */
public final class HandMade {

    public static final String MODIFICATION_COUNT = "ALTER TABLE votes ADD modification_count INT NOT NULL DEFAULT 0"
            + " COMMENT 'Numero di volte che il voto è stato modificato'";

    public static final String VOTE_HISTORIES_WITHOUT_KEYS = "CREATE TABLE vote_histories ("
            + "id_vote_history INT NOT NULL AUTO_INCREMENT PRIMARY KEY, id_vote INT NOT NULL, id_user INT NOT NULL,"
            + " id_movie INT NOT NULL, note FLOAT NOT NULL, comments TEXT,"
            + " createdAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, updatedAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)";

    public static final String VOTE_HISTORIES = VOTE_HISTORIES_WITHOUT_KEYS.replaceFirst("\\)$",
            ", FOREIGN KEY (id_vote) REFERENCES votes (id_vote) ON DELETE CASCADE ON UPDATE CASCADE)");

    /** A movie of user 1 and one vote on it, with the given modification count (the column must exist). */
    public static String[] voteWithModificationCount(int count) {
        return new String[] {TestDatabase.ONE_USER, "INSERT INTO movies (title, duration, id_user) VALUES ('Mars', 12, 1)",
                "INSERT INTO votes (id_movie, id_user, note, modification_count) VALUES (1, 1, 'YES', " + count + ")"};
    }

    private HandMade() {
    }
}
