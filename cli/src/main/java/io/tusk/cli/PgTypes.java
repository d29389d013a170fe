package io.tusk.cli;

import java.util.Set;

/**
 * The built-in type OIDs the output formats treat specially (PostgreSQL's
 * {@code catalog/pg_type.dat}).
 *
 * <p>Example: {@code PgTypes.rightAligned(23)} (int4) is true.
 */
final class PgTypes {
    static final int BOOL = 16;
    static final int INT8 = 20;
    static final int INT2 = 21;
    static final int INT4 = 23;
    static final int OID = 26;
    static final int XID = 28;
    static final int CID = 29;
    static final int JSON = 114;
    static final int FLOAT4 = 700;
    static final int FLOAT8 = 701;
    static final int MONEY = 790;
    static final int NUMERIC = 1700;
    static final int JSONB = 3802;
    static final int XID8 = 5069;

    /** psql's {@code column_type_alignment}: these types are right-aligned, all others left. */
    private static final Set<Integer> RIGHT = Set.of(INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, OID, XID, XID8, CID, MONEY);

    private PgTypes() {
    }

    static boolean rightAligned(int oid) {
        return RIGHT.contains(oid);
    }
}
