package org.marsai.schema.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

public class RedactTest {

    @Test
    void aPasswordParameterEchoedByTheServerIsMasked() {
        assertThat(Redact.message("Unknown database 'marsai;password=S3cret-X'", "other"))
                .isEqualTo("Unknown database 'marsai;password=****'").doesNotContain("S3cret-X");
        assertThat(Redact.message("Access denied for user 'u' using the password pw-1", "pw-1"))
                .doesNotContain("pw-1");
    }
}
