package org.marsai.schema.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Writes through, line by line, with every known secret replaced by {@code ****}. */
final class RedactingWriter extends Writer {

    /** Shorter secrets are not looked for: replacing every occurrence of two letters would garble the output. */
    static final int MIN_SECRET_LENGTH = 4;

    private final Writer target;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();
    private final StringBuilder line = new StringBuilder();

    RedactingWriter(Writer target) {
        this.target = target;
    }

    void addSecret(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            secrets.add(secret);
        }
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
        for (String secret : secrets) {
            text = text.replace(secret, "****");
        }
        target.write(text);
        line.setLength(0);
    }
}
