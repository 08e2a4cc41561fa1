package org.marsai.schema.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code mariadb}/{@code mysql} command-line client, run as a DBA would run a reviewed script. */
public final class SqlClient {

    private static final Pattern HOST_PORT = Pattern.compile("jdbc:mysql://([^:/]+):(\\d+)/");

    private SqlClient() {
    }

    public static Path binary() {
        for (String name : List.of("mariadb", "mysql")) {
            for (String dir : System.getenv("PATH").split(":")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("No mariadb/mysql client on PATH: install mariadb-client (or mysql-client)");
    }

    /** Runs the script in the database with the client; returns what it printed, fails on a non-zero exit. */
    public static String run(TestDatabase db, String script) {
        Matcher m = HOST_PORT.matcher(db.url());
        if (!m.find()) {
            throw new IllegalStateException("Cannot read host and port from " + db.url());
        }
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--protocol=TCP", "--host=" + m.group(1),
                "--port=" + m.group(2), "--user=" + db.user(), "--default-character-set=utf8mb4", db.name()));
        try {
            Path file = Files.createTempFile("marsai-script", ".sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(file.toFile());
            builder.environment().put("MYSQL_PWD", db.password());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("The client failed on the script: " + output);
            }
            Files.delete(file);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
