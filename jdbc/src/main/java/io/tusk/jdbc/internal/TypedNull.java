package io.tusk.jdbc.internal;

import io.tusk.Cursor;
import io.tusk.adapt.Dumper;
import io.tusk.adapt.Format;
import java.sql.Types;

/**
 * The value of {@code setNull(i, sqlType)}: SQL NULL sent with the type the {@code java.sql.Types}
 * constant names (Bind carries a type OID even for a null), as pgjdbc sends it, so that
 * {@code pg_typeof(?)} or an overloaded function sees an {@code integer}, not an unknown.
 * Types without a PostgreSQL counterpart send an untyped null, and so do TIME and TIMESTAMP
 * (with or without zone), as pgjdbc sends them: the server picks the column's own type.
 */
record TypedNull(int oid) {
    private static final Dumper<TypedNull> DUMPER = new Dumper<>() {
        @Override
        public int oid() {
            return 0;
        }

        @Override
        public Format format() {
            return Format.TEXT;
        }

        /** No bytes: the parameter is NULL. */
        @Override
        public byte[] dump(TypedNull value) {
            return null;
        }

        @Override
        public Dumper<? super TypedNull> upgrade(TypedNull value) {
            return value.dumper();
        }
    };

    private static final TypedNull[] BY_TYPE = {
        new TypedNull(23), new TypedNull(20), new TypedNull(21), new TypedNull(1043), new TypedNull(1042),
        new TypedNull(1082), null, null, null, new TypedNull(16),
        new TypedNull(1700), new TypedNull(701), new TypedNull(700), new TypedNull(17), new TypedNull(25),
    };

    /** The parameter value of {@code setNull(i, sqlType)}: a typed null, or plain null (untyped). */
    static Object of(int sqlType) {
        switch (sqlType) {
            case Types.INTEGER: return BY_TYPE[0];
            case Types.BIGINT: return BY_TYPE[1];
            case Types.SMALLINT, Types.TINYINT: return BY_TYPE[2];
            case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR: return BY_TYPE[3];
            case Types.CHAR, Types.NCHAR: return BY_TYPE[4];
            case Types.DATE: return BY_TYPE[5];
            case Types.BOOLEAN, Types.BIT: return BY_TYPE[9];
            case Types.NUMERIC, Types.DECIMAL: return BY_TYPE[10];
            case Types.DOUBLE, Types.FLOAT: return BY_TYPE[11];
            case Types.REAL: return BY_TYPE[12];
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY: return BY_TYPE[13];
            case Types.CLOB, Types.NCLOB: return BY_TYPE[14];
            default: return null;
        }
    }

    /** Lets {@code cursor} send typed nulls. */
    static <C extends Cursor<?>> C register(C cursor) {
        cursor.adapters().registerDumper(TypedNull.class, Format.TEXT, DUMPER);
        cursor.adapters().registerDumper(TypedNull.class, Format.BINARY, DUMPER);
        return cursor;
    }

    private Dumper<TypedNull> dumper() {
        int typeOid = oid;
        return new Dumper<>() {
            @Override
            public int oid() {
                return typeOid;
            }

            @Override
            public Format format() {
                return Format.TEXT;
            }

            @Override
            public byte[] dump(TypedNull value) {
                return null;
            }
        };
    }
}
