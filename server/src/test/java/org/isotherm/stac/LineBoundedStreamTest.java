package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.isotherm.web.RequestTooLargeException;
import org.junit.jupiter.api.Test;

class LineBoundedStreamTest {

    @Test
    void passesLinesUpToTheLimit() throws IOException {
        var text = "12345\n1234\n12345";
        var stream = new StacTransactionController.LineBoundedStream(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 5);

        assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void refusesALineAboveTheLimitBeforeItEnds() {
        var stream = new StacTransactionController.LineBoundedStream(
                new ByteArrayInputStream("12\n123456789".getBytes(StandardCharsets.UTF_8)), 5);

        assertThatThrownBy(stream::readAllBytes).isInstanceOf(RequestTooLargeException.class);
    }
}
