package org.marsai.schema.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.ChangeSetInfo;

/**
 * Annotates Liquibase's SQL previews for review: before each changeset's statements, the original
 * migration it belongs to and what it would destroy. The result stays a script the client runs.
 */
final class Preview {

    private static final Pattern HEADER = Pattern.compile(
            "^--  (?:Changeset |Rolling Back ChangeSet: )(\\S+)::(.+)::(\\S+)$");
    private static final Pattern AGAINST = Pattern.compile("(?m)^(--  Against: )(.*)$");

    private Preview() {
    }

    static String annotate(String sql, Changelog changelog, Map<ChangeSetInfo, List<String>> notes) {
        StringBuilder out = new StringBuilder(sql.length() + 4096);
        for (String line : sql.split("\n", -1)) {
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

    /** Liquibase names the connection in the header; keep any password out of it. */
    static String redactAgainst(String sql) {
        Matcher m = AGAINST.matcher(sql);
        return m.find() ? m.replaceFirst(Matcher.quoteReplacement(m.group(1) + Redact.url(m.group(2)))) : sql;
    }
}
