package org.marsai.schema.spring;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.marsai.schema.testing.TestDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot applications for the tests: every auto-configuration on the test classpath, the
 * application's DataSource (HikariCP) on a test database through {@code spring.datasource.*}.
 */
public final class SpringApps {

    static {
        // leave the test JVM's logging (slf4j-simple, java.util.logging for Liquibase) as the other tests expect
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    }

    /** Hibernate starts only in the tests about JPA; Spring's Liquibase only in those about it. */
    static final String DEFAULT_EXCLUDES = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration";

    private SpringApps() {
    }

    /** An application of {@code sources} on {@code db}; pass the test's own properties to {@code run("--k=v")}. */
    public static SpringApplicationBuilder app(TestDatabase db, Class<?>... sources) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.datasource.url", db.url());
        defaults.put("spring.datasource.username", db.user());
        defaults.put("spring.datasource.password", db.password());
        defaults.put("spring.datasource.hikari.maximum-pool-size", "3");
        defaults.put("spring.liquibase.enabled", "false");
        defaults.put("spring.autoconfigure.exclude", DEFAULT_EXCLUDES);
        defaults.put("spring.main.log-startup-info", "false");
        return new SpringApplicationBuilder(sources).bannerMode(Banner.Mode.OFF).web(WebApplicationType.NONE)
                .properties(defaults);
    }

    /** What a start-up printed on standard error (where the tests' SLF4J backend writes), and how it ended. */
    public record Run(ConfigurableApplicationContext context, Throwable failure, String err) {
    }

    /** Runs the application with standard error captured; a context that started is returned open. */
    public static Run capture(SpringApplicationBuilder app, String... args) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(app.run(args), null, err.toString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return new Run(null, e, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(stderr);
        }
    }
}
