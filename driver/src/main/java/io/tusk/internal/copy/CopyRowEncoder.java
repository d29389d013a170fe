package io.tusk.internal.copy;

import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import io.tusk.errors.ProgrammingException;
import io.tusk.internal.adapt.Transformer;

/**
 * Renders the rows of a COPY FROM STDIN ({@code copy.writeRow(...)}) in the COPY's text or
 * binary format (PostgreSQL "COPY", sections "Text Format" and "Binary Format"), with the
 * dumpers of a {@link Transformer}. The blocking {@link CopyImpl} and the asynchronous COPY use
 * the same encoder; only how the bytes are sent differs. Not thread-safe: one per COPY.
 */
public final class CopyRowEncoder {
    private final Transformer transformer;
    private final boolean binary;
    private final ByteSink row = new ByteSink();
    private boolean headerWritten;
    private DeclaredTypes declared;

    public CopyRowEncoder(Transformer transformer, boolean binary) {
        this.transformer = transformer;
        this.binary = binary;
    }

    /**
     * The column types from {@code setTypes}: values are converted to them, and in binary a value
     * written as another type is refused (see {@link DeclaredTypes}).
     */
    public void declare(int[] oids) {
        declared = new DeclaredTypes(oids);
    }

    /** The OIDs of type names: the adapters' (registered types) first, then the built-in ones. */
    public static int[] oidsOf(Transformer transformer, String... typeNames) {
        int[] oids = new int[typeNames.length];
        for (int i = 0; i < typeNames.length; i++) {
            Integer oid = transformer.adapters().oidOf(typeNames[i]);
            oids[i] = oid != null ? oid : TypeNames.builtinOid(typeNames[i]);
        }
        return oids;
    }

    /**
     * Renders one row (with the binary header before the first one); the bytes are
     * {@link #array()}{@code [0, }{@link #size()}{@code )} until the next call.
     */
    public void encode(Object[] values) {
        row.clear();
        if (declared != null) {
            if (values.length != declared.count()) {
                throw new ProgrammingException("the row has " + values.length + " values but setTypes declared "
                        + declared.count() + " columns: write one value per declared column");
            }
            Object[] converted = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                converted[i] = values[i] == null ? null : declared.convert(i, values[i]);
            }
            values = converted;
        }
        if (binary) {
            binaryRow(values);
        } else {
            textRow(values);
        }
    }

    /**
     * Renders the binary trailer when a binary header was written (else nothing: size() is 0);
     * a COPY whose data came only through raw writes carries its own framing.
     */
    public void trailer() {
        row.clear();
        if (binary && headerWritten) {
            BinaryRows.trailer(row);
        }
    }

    public byte[] array() {
        return row.array();
    }

    public int size() {
        return row.size();
    }

    private void textRow(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.put('\t');
            }
            Object v = values[i];
            if (v == null) {
                TextRows.writeNull(row);
            } else {
                TextRows.escape(transformer.dumperFor(v, Format.TEXT).dump(v), row);
            }
        }
        row.put('\n');
    }

    private void binaryRow(Object[] values) {
        // Check every value before any byte of the row is rendered: a refused row sends nothing.
        @SuppressWarnings("unchecked")
        io.tusk.adapt.Dumper<Object>[] dumpers = new io.tusk.adapt.Dumper[values.length];
        byte[][] fixed = declared == null ? null : new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (fixed != null && values[i] != null && (fixed[i] = declared.binary(i, values[i])) != null) {
                continue;
            }
            if (values[i] != null) {
                dumpers[i] = binaryDumper(values[i]);
                if (declared != null) {
                    declared.checkBinary(i, values[i], dumpers[i].oid());
                }
            }
        }
        if (!headerWritten) {
            BinaryRows.header(row);
            headerWritten = true;
        }
        row.int16(values.length);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                row.int32(-1);
                continue;
            }
            byte[] b = fixed != null && fixed[i] != null ? fixed[i] : dumpers[i].dump(v);
            row.int32(b.length);
            row.put(b, 0, b.length);
        }
    }

    private Dumper<Object> binaryDumper(Object v) {
        Dumper<Object> d;
        try {
            d = transformer.dumperFor(v, Format.BINARY);
        } catch (ProgrammingException e) {
            d = null;
        }
        if (d == null || d.format() != Format.BINARY) {
            throw new ProgrammingException("COPY in FORMAT BINARY needs a binary dumper for " + v.getClass().getName()
                    + " and none is registered: use the text format, or register a binary Dumper for the class");
        }
        return d;
    }
}
