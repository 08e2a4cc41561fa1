package org.marsai.schema.internal.jdbc;

import java.util.regex.Pattern;

/** Keeps secrets out of messages and logs. */
public final class Redact {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:password|pwd|passwd)[0-9]*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@]*:[^/@]*@");

    private Redact() {
    }

    /** The URL with any password parameter or user-info password replaced by {@code ****}. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1****@");
    }

    private static final Pattern PASSWORD_IN_TEXT =
            Pattern.compile("(?i)((?:password|pwd|passwd)[0-9]*=)[^&;'\"\\s)]*");

    /**
     * A server's or driver's message with the secret and any {@code password=…} parameter masked: a URL such as
     * {@code jdbc:mysql://h/db;password=X} makes the server echo the whole text as a database name.
     */
    static String message(String text, String secret) {
        String masked = secret(text, secret);
        return masked == null ? null : PASSWORD_IN_TEXT.matcher(masked).replaceAll("$1****");
    }

    /**
     * The text with the secret replaced by {@code ****}: a secret of letters and digits only where it is not glued
     * to another letter, digit or underscore (a password that is a common word must not garble the words that
     * contain it), any other secret wherever it appears. The CLI's RedactingWriter applies the same rule.
     */
    static String secret(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        if (!secret.codePoints().allMatch(Character::isLetterOrDigit)) {
            return text.replace(secret, "****");
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(secret)
                + "(?![\\p{L}\\p{N}_])").matcher(text).replaceAll("****");
    }
}
