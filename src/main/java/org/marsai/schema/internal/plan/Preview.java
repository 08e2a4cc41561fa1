package org.marsai.schema.internal.plan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.internal.jdbc.Redact;
import org.marsai.schema.internal.liquibase.Changelog;

/**
 * Annotates Liquibase's SQL previews for review: before each changeset's statements, the original
 * migration it belongs to and what it would destroy. The result stays a script the client runs.
 */
public final class Preview {

    private static final Pattern HEADER = Pattern.compile(
            "^--  (?:Changeset |Rolling Back ChangeSet: )(\\S+)::(.+)::(\\S+)$");
    private static final Pattern AGAINST = Pattern.compile("(?m)^(--  Against: )(.*)$");
    private static final Pattern RAN_AT = Pattern.compile("(?m)^(--  Ran at: ).*$");
    /** Liquibase's banner: {@code --  ****} lines around the script's name, changelog, time and versions. */
    private static final Pattern BANNER = Pattern.compile("(?s)^(.*?)(--  \\*{10,}\n(?:--  [^\n]*\n)*)\n?");
    /** A history row's ORDEREXECUTED, after the id, author and file name of the changeset and NOW(). */
    private static final Pattern ORDER_EXECUTED = Pattern.compile("(?m)^(INSERT INTO DATABASECHANGELOG \\(ID, AUTHOR,"
            + " FILENAME, DATEEXECUTED, ORDEREXECUTED, .*? VALUES \\((?:'(?:[^']|'')*', ){3}NOW\\(\\), )(\\d+)(, )");

    private Preview() {
    }

    public static String annotate(String sql, Changelog changelog, Map<ChangeSetInfo, List<String>> notes) {
        StringBuilder out = new StringBuilder(sql.length() + 4096);
        for (String line : bannerFirst(sql).split("\n", -1)) {
            out.append(line).append('\n');
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                Optional<ChangeSetInfo> changeSet = changelog.find(m.group(1), m.group(3), m.group(2));
                changeSet.ifPresent(c -> {
                    out.append("-- Migration ").append(c.migration()).append(", changeset ").append(c.id()).append('\n');
                    notes.getOrDefault(c, List.of()).forEach(note -> out.append(note).append('\n'));
                });
            }
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /**
     * The offline script, annotated: as {@link #annotate}, with the history rows numbered 1, 2, 3… (Liquibase's
     * offline history counts each row twice, once for the script and once for its own file, so it writes 1, 3, 5…).
     */
    public static String annotateOffline(String sql, Changelog changelog, Map<ChangeSetInfo, List<String>> notes) {
        Matcher m = ORDER_EXECUTED.matcher(annotate(sql, changelog, notes));
        StringBuilder out = new StringBuilder();
        int order = 0;
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ++order + m.group(3)));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Liquibase writes the statement that creates its history table before its banner; a reviewer expects the
     * banner first. Anything before the banner moves to just after it.
     */
    static String bannerFirst(String sql) {
        Matcher m = BANNER.matcher(sql);
        if (!m.find() || m.group(1).isBlank()) {
            return sql;
        }
        String before = m.group(1).strip();
        return m.group(2) + "\n--  Liquibase's history table, which the"
                + " history rows below are written to\n" + before + "\n\n" + sql.substring(m.end());
    }

    /**
     * Liquibase's header, made readable: "Against:" names the database by its URL only (Liquibase writes
     * {@code user@host@jdbc:…?properties}: no user, no properties, never a password), and "Ran at:" is an ISO-8601
     * instant instead of the JVM locale's short date.
     */
    public static String header(String sql) {
        Matcher m = AGAINST.matcher(sql);
        if (m.find()) {
            String against = m.group(2);
            int jdbc = against.indexOf("jdbc:");
            String url = Redact.url(jdbc < 0 ? against : against.substring(jdbc)).replaceFirst("\\?.*$", "");
            sql = m.replaceFirst(Matcher.quoteReplacement(m.group(1) + url));
        }
        return RAN_AT.matcher(sql).replaceFirst("$1" + ranAt()); // an instant holds no '$' or '\\'
    }

    /** Now, to the second, as the scripts' headers write it: {@code 2026-12-03T07:46:12Z}. */
    public static String ranAt() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
