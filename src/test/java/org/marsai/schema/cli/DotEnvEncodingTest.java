package org.marsai.schema.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvEncodingTest {

    @Test
    void aLatin1EnvFileIsNamedWithTheFix(@TempDir Path dir) throws Exception {
        Path env = dir.resolve(".env");
        Files.write(env, "DB_PASSWORD=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> DotEnv.read(env)).isInstanceOf(MarsSchemaException.class)
                .hasMessageContaining("is not UTF-8 text").hasMessageContaining("save it as UTF-8")
                .hasMessageNotContaining("Input length")
                .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
    }
}
