package io.tusk.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams that count the bytes and lines passing through and report them to a
 * {@link Progress}: in COPY's text and CSV formats a line is a row (a CSV value with a line
 * break inside is the exception; the server's count at the end is exact). After Ctrl-C they
 * fail, so that a COPY stops at once instead of sending or receiving the rest.
 *
 * <p>Example: {@code Counted in = CountingStreams.in(file, progress); conn.copyExpert(sql, in.stream()); in.bytes();}
 */
final class CountingStreams {
    private CountingStreams() {
    }

    /** A counting input stream and what it counted. */
    interface Counted {
        InputStream stream();

        long bytes();
    }

    /** A counting output stream and what it counted. */
    interface CountedOut {
        OutputStream stream();

        long bytes();
    }

    static Counted in(InputStream in, Progress progress) {
        final class Counting extends FilterInputStream implements Counted {
            private long bytes;
            private long lines;

            Counting(InputStream source) {
                super(source);
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                stopIfInterrupted();
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes += n;
                    lines += newlines(buf, off, n);
                    progress.update(lines, bytes);
                }
                return n;
            }

            @Override
            public InputStream stream() {
                return this;
            }

            @Override
            public long bytes() {
                return bytes;
            }
        }
        return new Counting(in);
    }

    static CountedOut out(OutputStream out, Progress progress) {
        final class Counting extends FilterOutputStream implements CountedOut {
            private long bytes;
            private long lines;

            Counting(OutputStream sink) {
                super(sink);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                stopIfInterrupted();
                out.write(buf, off, len); // FilterOutputStream's own would write byte by byte
                bytes += len;
                lines += newlines(buf, off, len);
                progress.update(lines, bytes);
            }

            @Override
            public OutputStream stream() {
                return this;
            }

            @Override
            public long bytes() {
                return bytes;
            }
        }
        return new Counting(out);
    }

    private static void stopIfInterrupted() throws IOException {
        if (Interrupts.pressed()) {
            throw new IOException("canceled by user (Ctrl-C)");
        }
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
