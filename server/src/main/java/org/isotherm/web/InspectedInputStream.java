package org.isotherm.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** A request body that filters look at as it passes, without buffering it: each read is shown to {@link #inspect}. */
abstract class InspectedInputStream extends ServletInputStream {

    private final ServletInputStream in;

    InspectedInputStream(ServletInputStream in) {
        this.in = in;
    }

    /** Sees bytes {@code off} to {@code off + n} of {@code b} once read; throws to refuse the body. */
    abstract void inspect(byte[] b, int off, int n);

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            inspect(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            inspect(b, off, n);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
