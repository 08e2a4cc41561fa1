package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} built: the library jar carries the auto-configuration and the properties' metadata;
 * the CLI jar carries nothing of Spring.
 */
class SpringJarsIT {

    @Test
    void theLibraryJarCarriesTheAutoConfigurationAndThePropertiesMetadata() throws IOException {
        try (JarFile jar = new JarFile(libraryJar().toFile())) {
            assertThat(read(jar, "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
                    .contains("org.marsai.schema.spring.MarsSchemaAutoConfiguration",
                            "org.marsai.schema.spring.actuate.MarsSchemaActuatorAutoConfiguration");
            assertThat(read(jar, "META-INF/spring.factories"))
                    .contains("org.springframework.boot.diagnostics.FailureAnalyzer=\\\norg.marsai.schema.spring.MarsSchemaFailureAnalyzer")
                    .contains("org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector=\\\n"
                            + "org.marsai.schema.spring.MarsSchemaDatabaseInitializerDetector");
            JsonNode metadata = new ObjectMapper().readTree(read(jar, "META-INF/spring-configuration-metadata.json"));
            List<String> properties = new ArrayList<>();
            metadata.get("properties").forEach(p -> properties.add(p.get("name").asText() + "="
                    + (p.has("defaultValue") ? p.get("defaultValue").asText() : "")));
            assertThat(properties).as("marsai.schema properties and their defaults").contains(
                    "marsai.schema.enabled=true", "marsai.schema.on-startup=update", "marsai.schema.lock-wait=5m",
                    "marsai.schema.connect-timeout=10s", "marsai.schema.url=", "marsai.schema.username=",
                    "marsai.schema.password=", "management.health.marsschema.enabled=true");
            List<String> hints = new ArrayList<>();
            metadata.get("hints").get(0).get("values").forEach(v -> hints.add(v.get("value").asText()));
            assertThat(hints).as("on-startup values").containsExactly("update", "validate", "none");
        }
    }

    @Test
    void theCliJarCarriesNothingOfSpring() throws IOException {
        try (JarFile jar = new JarFile(Path.of("target", "marsai-schema-cli.jar").toFile())) {
            List<String> spring = Collections.list(jar.entries()).stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/springframework/") || n.startsWith("org/marsai/schema/spring/")
                            || n.startsWith("META-INF/spring"))
                    .toList();
            assertThat(spring).as("Spring entries in the CLI jar").isEmpty();
            assertThat(jar.getEntry("org/marsai/schema/cli/Main.class")).as("the CLI itself").isNotNull();
        }
    }

    private static Path libraryJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "marsai-schema-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.contains("-cli") && !name.contains("-sources") && !name.contains("-javadoc")) {
                    return jar;
                }
            }
        }
        throw new IllegalStateException("No library jar in target/: run mvn package first");
    }

    private static String read(JarFile jar, String name) throws IOException {
        assertThat(jar.getEntry(name)).as(name + " in " + jar.getName()).isNotNull();
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
