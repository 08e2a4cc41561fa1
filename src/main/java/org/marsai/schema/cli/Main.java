package org.marsai.schema.cli;

import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code marsai-schema} command line: {@code java -jar marsai-schema-cli.jar COMMAND [OPTIONS]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        Logging.quietByDefault();
        int code = Cli.run(args, new InputStreamReader(System.in, StandardCharsets.UTF_8), true,
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                new OutputStreamWriter(System.err, StandardCharsets.UTF_8), System.getenv(), Path.of(""));
        System.exit(code);
    }
}
