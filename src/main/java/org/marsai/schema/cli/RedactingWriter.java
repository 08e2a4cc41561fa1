package org.marsai.schema.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes through, line by line, with every known secret replaced by {@code ****} ({@link #pattern}): a password
 * {@code user} is hidden in {@code password=user} and {@code 'user'}, while {@code --username} and
 * {@code nc_user_cli} stay readable; a password with other characters ({@code S3cret-4711}) is hidden wherever it
 * appears. With {@code notice}, the first line that had something hidden is followed by one line saying so.
 */
final class RedactingWriter extends Writer {

    /** Shorter secrets are not looked for: a word of two or three letters would be hidden all over the output. */
    static final int MIN_SECRET_LENGTH = 4;
    static final String NOTICE = "(**** stands for the database password, hidden wherever it appears.)";

    private final Writer target;
    private final boolean notice;
    private final Set<Pattern> secrets = new CopyOnWriteArraySet<>();
    private final StringBuilder line = new StringBuilder();
    private boolean noticeGiven;

    RedactingWriter(Writer target) {
        this(target, false);
    }

    RedactingWriter(Writer target, boolean notice) {
        this.target = target;
        this.notice = notice;
    }

    void addSecret(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            secrets.add(pattern(secret));
        }
    }

    /**
     * Where the secret counts as written: a secret of letters and digits only (which may be a common word or
     * number) where it is not glued to another letter, digit or underscore; any other secret wherever it appears.
     */
    static Pattern pattern(String secret) {
        if (secret.codePoints().allMatch(Character::isLetterOrDigit)) {
            return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(secret) + "(?![\\p{L}\\p{N}_])");
        }
        return Pattern.compile(Pattern.quote(secret));
    }

    static String redact(String text, Iterable<Pattern> secrets) {
        for (Pattern secret : secrets) {
            text = secret.matcher(text).replaceAll(Matcher.quoteReplacement("****"));
        }
        return text;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            line.append(buffer[i]);
            if (buffer[i] == '\n') {
                emit();
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }

    private void emit() throws IOException {
        String text = line.toString();
        String redacted = redact(text, secrets);
        target.write(redacted);
        if (notice && !noticeGiven && !redacted.equals(text)) {
            noticeGiven = true;
            target.write((redacted.endsWith("\n") ? "" : System.lineSeparator()) + NOTICE + System.lineSeparator());
        }
        line.setLength(0);
    }
}
