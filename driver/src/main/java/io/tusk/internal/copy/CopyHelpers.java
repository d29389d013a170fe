package io.tusk.internal.copy;

import io.tusk.Copy;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Literals;
import io.tusk.internal.connection.ConnectionImpl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;

/**
 * psycopg2's cursor COPY helpers: {@code copy_from}, {@code copy_to} and {@code copy_expert},
 * moving a file-like stream in or out of a table in constant memory. The table name may be
 * schema-qualified ({@code "sales.orders"}); it and the columns are quoted as identifiers.
 */
public final class CopyHelpers {
    private static final int BUFFER = CopyImpl.CHUNK;

    private CopyHelpers() {
    }

    /** {@code COPY table (columns) FROM STDIN} in text format with the given separator and NULL string. */
    public static long copyFrom(ConnectionImpl conn, InputStream in, String table, String sep, String nullString,
            List<String> columns) throws IOException {
        return copyExpert(conn, statement(table, columns, "FROM STDIN", sep, nullString), in);
    }

    /** As {@link #copyFrom(ConnectionImpl, InputStream, String, String, String, List)}, from characters in the client encoding. */
    public static long copyFrom(ConnectionImpl conn, Reader in, String table, String sep, String nullString,
            List<String> columns) throws IOException {
        String sql = statement(table, columns, "FROM STDIN", sep, nullString);
        return CopySupport.<IOException>run(conn, sql, copy -> pump(in, copy, conn.session().charset()));
    }

    /** {@code COPY table (columns) TO STDOUT} in text format with the given separator and NULL string. */
    public static long copyTo(ConnectionImpl conn, OutputStream out, String table, String sep, String nullString,
            List<String> columns) throws IOException {
        return copyExpert(conn, statement(table, columns, "TO STDOUT", sep, nullString), out);
    }

    /**
     * As {@link #copyTo(ConnectionImpl, OutputStream, String, String, String, List)}, as characters. In
     * text format each CopyData message is whole rows (protocol "COPY Operations"), so each is
     * decoded on its own without cutting a character.
     */
    public static long copyTo(ConnectionImpl conn, Writer out, String table, String sep, String nullString,
            List<String> columns) throws IOException {
        String sql = statement(table, columns, "TO STDOUT", sep, nullString);
        Charset cs = conn.session().charset();
        return CopySupport.<IOException>run(conn, sql, copy -> {
            for (byte[] chunk; (chunk = copy.read()) != null; ) {
                out.write(new String(chunk, cs));
            }
            out.flush();
        });
    }

    /** Runs any {@code COPY ... FROM STDIN} statement, feeding it {@code in} to its end. */
    public static long copyExpert(ConnectionImpl conn, String sql, InputStream in) throws IOException {
        return CopySupport.<IOException>run(conn, sql, copy -> {
            if (!copy.writing()) {
                throw new ProgrammingException("copyExpert with an InputStream needs COPY ... FROM STDIN; " + sql
                        + " sends data out: pass an OutputStream");
            }
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) >= 0; ) {
                copy.write(buf, 0, n);
            }
        });
    }

    /** Runs any {@code COPY ... TO STDOUT} statement, writing its data to {@code out}. */
    public static long copyExpert(ConnectionImpl conn, String sql, OutputStream out) throws IOException {
        return CopySupport.<IOException>run(conn, sql, copy -> {
            if (copy.writing()) {
                throw new ProgrammingException("copyExpert with an OutputStream needs COPY ... TO STDOUT; " + sql
                        + " reads data in: pass an InputStream");
            }
            for (byte[] chunk; (chunk = copy.read()) != null; ) {
                out.write(chunk);
            }
            out.flush();
        });
    }

    private static void pump(Reader in, Copy copy, Charset cs) throws IOException {
        char[] buf = new char[BUFFER / 2];
        int keep = 0;
        for (int n; (n = in.read(buf, keep, buf.length - keep)) >= 0; ) {
            int len = keep + n;
            // A surrogate pair cut by the read waits for its second half.
            int whole = len > 0 && Character.isHighSurrogate(buf[len - 1]) ? len - 1 : len;
            copy.write(new String(buf, 0, whole).getBytes(cs));
            keep = len - whole;
            if (keep == 1) {
                buf[0] = buf[len - 1];
            }
        }
        if (keep == 1) {
            copy.write(String.valueOf(buf[0]));
        }
    }

    static String statement(String table, List<String> columns, String direction, String sep, String nullString) {
        StringBuilder b = new StringBuilder("COPY ").append(Identifiers.table(table)).append(Identifiers.columns(columns))
                .append(' ').append(direction).append(" WITH (FORMAT text");
        if (sep != null) {
            b.append(", DELIMITER ").append(Literals.quoteString(sep).strip());
        }
        if (nullString != null) {
            b.append(", NULL ").append(Literals.quoteString(nullString).strip());
        }
        return b.append(')').toString();
    }
}
