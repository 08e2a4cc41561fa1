package org.marsai.schema.testing;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.marsai.schema.cli.Cli;

/** The command line run in-process, as {@code java -jar marsai-schema-cli.jar} runs it, in a working directory. */
public final class InProcessCli {

    public record Run(int code, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private final Path workingDirectory;

    public InProcessCli(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    public Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, out, err, environment, workingDirectory);
        return new Run(code, out.toString(), err.toString());
    }

    public Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs against the test database, connecting with --url, --username and --password. */
    public Run on(TestDatabase db, String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url=" + db.url();
        all[args.length + 1] = "--username=" + db.user();
        all[args.length + 2] = "--password=" + db.password();
        return run(all);
    }
}
