package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.marsai.schema.Defaults;

/** The defaults the IDE shows for {@code marsai.schema.*} (the metadata json states them) are the library's. */
class MetadataDefaultsTest {

    @Test
    void springMetadataStatesTheLibraryDefaults() throws IOException {
        String metadata = Files.readString(Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json"));
        assertThat(stated(metadata, "marsai.schema.connect-timeout")).as("connect-timeout")
                .isEqualTo(Defaults.CONNECT_TIMEOUT).isEqualTo(new MarsSchemaProperties().getConnectTimeout());
        assertThat(stated(metadata, "marsai.schema.lock-wait")).as("lock-wait")
                .isEqualTo(Defaults.LOCK_WAIT).isEqualTo(new MarsSchemaProperties().getLockWait());
    }

    /** The default of a property, in Spring's short form ({@code 10s}, {@code 5m}). */
    private static Duration stated(String metadata, String property) {
        Matcher m = Pattern.compile("\"name\": \"" + Pattern.quote(property) + "\"[^}]*\"defaultValue\": \"(\\d+)([sm])\"")
                .matcher(metadata);
        assertThat(m.find()).as("a default stated for %s", property).isTrue();
        long value = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? Duration.ofSeconds(value) : Duration.ofMinutes(value);
    }
}
