package org.marsai.schema.internal.liquibase;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The migration name a mistyped one most likely meant: the one whose description (the part after the timestamp)
 * is the one given, else the one at most three edits away (a swap of neighbours is one edit).
 */
public final class NearestName {

    private static final int MAX_EDITS = 3;

    private NearestName() {
    }

    static Optional<String> of(String word, Collection<String> names) {
        String given = word.toLowerCase(Locale.ROOT);
        String description = given.replaceFirst("^\\d{14}-", "");
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String name : names) {
            String candidate = name.toLowerCase(Locale.ROOT);
            if (!description.isEmpty() && candidate.endsWith("-" + description)) {
                return Optional.of(name);
            }
            int distance = distance(given, candidate);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
