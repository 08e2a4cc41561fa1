package org.marsai.schema.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.RollbackTarget;
import org.marsai.schema.spring.SpringApps;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/marsschema} and {@code /actuator/health/marsschema} as a user gets them: a real web server
 * on a random loopback port, JSON over HTTP. One application for the class; each test leaves the database
 * up to date and without drift.
 */
class ActuatorIT {

    private static final String FIRST_MIGRATION = "20260128100000-create-users";
    private static final String LAST_MIGRATION = Migrations.last();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static TestDatabase db;
    private static ConfigurableApplicationContext context;
    private static String base;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class WebApp {
    }

    @BeforeAll
    static void start() {
        db = TestServer.get().createDatabase();
        context = SpringApps.app(db, WebApp.class).web(WebApplicationType.SERVLET).run("--server.port=0",
                "--server.address=127.0.0.1", "--management.endpoints.web.exposure.include=health,marsschema",
                "--management.endpoint.health.show-details=always");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        base = "http://127.0.0.1:" + port + "/actuator/";
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void endpointAnswersStatusByMigrationHistoryAndDriftAsJson() throws Exception {
        Answer answer = get("marsschema");
        MarsSchema schema = db.schema();

        assertThat(answer.code()).as("HTTP status").isEqualTo(200);
        assertThat(answer.contentType()).as("content type").startsWith("application/vnd.spring-boot.actuator.v3+json");
        JsonNode json = answer.json();
        assertThat(fieldNames(json)).as("top-level fields").containsExactly("status", "history", "diff");
        JsonNode status = json.get("status");
        assertThat(fieldNames(status)).containsExactly("upToDate", "migrations", "pending", "unknown");
        assertThat(status.get("upToDate").asBoolean()).as("upToDate").isTrue();
        assertThat(status.get("migrations")).as("migrations").hasSize(Migrations.count());
        assertThat(status.get("migrations").get(0).get("name").asText()).isEqualTo(FIRST_MIGRATION);
        assertThat(status.get("migrations")).allSatisfy(m -> assertThat(m.get("state").asText()).isEqualTo("APPLIED"));
        assertThat(status.get("pending")).as("pending").isEmpty();
        assertThat(status.get("unknown")).as("unknown").isEmpty();

        JsonNode history = json.get("history");
        assertThat(history).as("history").hasSize(schema.changeSets().size());
        JsonNode first = history.get(0);
        assertThat(fieldNames(first)).containsExactly("migration", "id", "author", "executedAt", "orderExecuted",
                "execType", "tag", "deploymentId", "checksum");
        assertThat(first.get("migration").asText()).isEqualTo(FIRST_MIGRATION);
        assertThat(first.get("author").asText()).isEqualTo("marsai");
        assertThat(first.get("orderExecuted").asInt()).isEqualTo(1);
        assertThat(first.get("execType").asText()).isEqualTo("EXECUTED");
        assertThat(first.get("tag").isNull()).as("no tag").isTrue();
        assertThat(history.get(history.size() - 1).get("migration").asText()).isEqualTo(LAST_MIGRATION);

        JsonNode diff = json.get("diff");
        assertThat(fieldNames(diff)).containsExactly("database", "reference", "drift", "differences", "notManaged");
        assertThat(diff.get("database").asText()).isEqualTo("database '" + db.name() + "' (DataSource)");
        assertThat(diff.get("drift").asBoolean()).as("drift").isFalse();
        assertThat(diff.get("differences")).as("differences").isEmpty();
    }

    @Test
    void driftShowsInTheEndpointAndTheHealthWhichStaysUp() throws Exception {
        db.execute("ALTER TABLE movies MODIFY title varchar(200) NOT NULL");
        try {
            JsonNode diff = get("marsschema").json().get("diff");
            assertThat(diff.get("drift").asBoolean()).as("drift").isTrue();
            assertThat(diff.get("differences")).as("differences").hasSize(1);
            JsonNode difference = diff.get("differences").get(0);
            assertThat(difference.get("kind").asText()).isEqualTo("COLUMN_TYPE");
            assertThat(difference.get("subject").asText()).isEqualTo("movies.title");
            assertThat(difference.get("expected").asText()).isEqualTo("varchar(255) NOT NULL");
            assertThat(difference.get("actual").asText()).isEqualTo("varchar(200) NOT NULL");

            Answer health = get("health/marsschema");
            assertThat(health.code()).as("HTTP status of the health component").isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().get("details").get("drift").asBoolean()).as("drift detail").isTrue();
            assertThat(health.json().get("details").get("differences").asInt()).as("differences detail").isEqualTo(1);
        } finally {
            db.execute("ALTER TABLE movies MODIFY title varchar(255) NOT NULL");
        }
        assertThat(get("marsschema").json().get("diff").get("drift").asBoolean()).as("drift after the repair").isFalse();
    }

    @Test
    void healthIsUpWhenUpToDateAndDownWhileMigrationsArePending() throws Exception {
        Answer up = get("health/marsschema");
        assertThat(up.code()).as("HTTP status when up to date").isEqualTo(200);
        assertThat(up.json().get("status").asText()).isEqualTo("UP");
        assertThat(up.json().get("details").get("upToDate").asBoolean()).isTrue();
        assertThat(up.json().get("details").get("drift").asBoolean()).isFalse();

        MarsSchema schema = db.schema();
        schema.rollback(RollbackTarget.lastMigrations(1));
        try {
            Answer down = get("health/marsschema");
            assertThat(down.code()).as("HTTP status while pending").isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(down.json().get("details").get("pending")).as("pending detail").hasSize(1);
            assertThat(down.json().get("details").get("pending").get(0).asText()).isEqualTo(LAST_MIGRATION);
            assertThat(get("health").json().get("status").asText()).as("the application's health").isEqualTo("DOWN");

            JsonNode status = get("marsschema").json().get("status");
            assertThat(status.get("upToDate").asBoolean()).isFalse();
            assertThat(status.get("migrations").get(Migrations.count() - 1).get("state").asText()).isEqualTo("PENDING");
            assertThat(status.get("pending").get(0).get("migration").asText()).isEqualTo(LAST_MIGRATION);
        } finally {
            schema.update();
        }
    }

    private record Answer(int code, String contentType, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static Answer get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
