package org.marsai.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class RedactingWriterTest {

    private static String written(String secret, String text) throws IOException {
        StringWriter target = new StringWriter();
        try (RedactingWriter writer = new RedactingWriter(target, true)) {
            writer.addSecret(secret);
            writer.write(text);
        }
        return target.toString();
    }

    @Test
    void aPasswordThatIsACommonWordHidesItselfWithoutGarblingOtherWords() throws IOException {
        String out = written("user", "Error: The server refused user 'nc_user_cli': check --username, password=user&x\n");
        assertThat(out).startsWith("Error: The server refused **** 'nc_user_cli': check --username, password=****&x\n")
                .endsWith(RedactingWriter.NOTICE + System.lineSeparator())
                .doesNotContain("=user");
    }

    @Test
    void aPasswordWithOtherCharactersIsHiddenWhereverItAppears() throws IOException {
        assertThat(written("S3cret-4711", "a S3cret-4711 b xS3cret-4711y\n")).startsWith("a **** b x****y\n")
                .doesNotContain("S3cret-4711");
    }

    @Test
    void nothingHiddenNoNotice() throws IOException {
        assertThat(written("S3cret-4711", "nothing secret here\n")).isEqualTo("nothing secret here\n");
        assertThat(written("abc", "abc is too short to be looked for\n")).isEqualTo("abc is too short to be looked for\n");
    }

    @Test
    void theNoticeComesOnce() throws IOException {
        assertThat(written("hunter2", "one hunter2\ntwo hunter2\n"))
                .isEqualTo("one ****\n" + RedactingWriter.NOTICE + System.lineSeparator() + "two ****\n");
    }
}
