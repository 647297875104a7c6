package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestTextFilterTest {

    @Test
    void findsEscapedNulAcrossReads() {
        var stream = scanning("{\"a\":\"x\\u0000\"}");

        assertThatThrownBy(() -> readInSmallPieces(stream)).isInstanceOf(UnstorableTextException.class);
    }

    @Test
    void letsEscapedBackslashBeforeU0000Through() throws IOException {
        var stream = scanning("{\"a\":\"C:\\\\u0000 and \\u00e9 and \\\\\\\\\"}");

        assertThat(readInSmallPieces(stream)).contains("u0000");
    }

    private static String readInSmallPieces(ServletInputStream stream) throws IOException {
        var out = new StringBuilder();
        var buffer = new byte[3];
        int n;
        while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
            out.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return out.toString();
    }

    private static RequestTextFilter.NulScanningStream scanning(String json) {
        var bytes = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        return new RequestTextFilter.NulScanningStream(new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {}
        });
    }
}
