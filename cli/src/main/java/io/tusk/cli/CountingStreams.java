package io.tusk.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams that count the bytes and lines passing through and report them to a
 * {@link Progress}: in COPY's text and CSV formats a line is a row (a CSV value with a line
 * break inside is the exception; the server's count at the end is exact).
 *
 * <p>Example: {@code conn.copyExpert(sql, CountingStreams.in(file, progress))}.
 */
final class CountingStreams {
    private CountingStreams() {
    }

    static InputStream in(InputStream in, Progress progress) {
        return new FilterInputStream(in) {
            private long bytes;
            private long lines;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    count(buf, off, n);
                }
                return n;
            }

            private void count(byte[] buf, int off, int len) {
                bytes += len;
                lines += newlines(buf, off, len);
                progress.update(lines, bytes);
            }
        };
    }

    static OutputStream out(OutputStream out, Progress progress) {
        return new FilterOutputStream(out) {
            private long bytes;
            private long lines;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                out.write(buf, off, len); // FilterOutputStream's own would write byte by byte
                bytes += len;
                lines += newlines(buf, off, len);
                progress.update(lines, bytes);
            }
        };
    }

    private static int newlines(byte[] buf, int off, int len) {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
