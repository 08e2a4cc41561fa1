package org.marsai.schema.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * Reads a {@code .env} file as the original project's dotenv did: {@code KEY=VALUE} lines, {@code #}
 * comments, optional {@code export}, single or double quotes. Anything else is an error naming the line,
 * rather than a silently ignored setting.
 */
final class DotEnv {

    private static final Pattern LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*$");

    private DotEnv() {
    }

    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, file + " is not UTF-8 text (a latin1 or"
                    + " Windows-1252 file?): save it as UTF-8 (e.g. iconv -f latin1 -t utf-8 " + file + " > .env.utf8,"
                    + " then replace .env with it), or set the values in the environment instead.", e);
        } catch (IOException e) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "Cannot read " + file + ": "
                    + e.getMessage() + ". Make it readable or remove it.", e);
        }
        return parse(lines, file.toString());
    }

    static Map<String, String> parse(List<String> lines, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw malformed(source, i + 1, "is not KEY=VALUE");
            }
            values.put(m.group(1), value(m.group(2), source, i + 1));
        }
        return values;
    }

    private static String value(String raw, String source, int line) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char quote = raw.charAt(0);
            int end = raw.indexOf(quote, 1);
            if (end < 0) {
                throw malformed(source, line, "has an opening " + quote + " without a closing one");
            }
            String rest = raw.substring(end + 1).trim();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw malformed(source, line, "has text after its closing quote");
            }
            String value = raw.substring(1, end);
            return quote == '"' ? value.replace("\\n", "\n") : value;
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).trim();
    }

    private static MarsSchemaException malformed(String source, int line, String problem) {
        return new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, source + " line " + line + " " + problem
                + ": write it as KEY=VALUE (e.g. DB_HOST=127.0.0.1), or remove it.");
    }
}
