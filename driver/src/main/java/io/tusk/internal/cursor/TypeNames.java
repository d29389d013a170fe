package io.tusk.internal.cursor;

import java.util.HashMap;
import java.util.Map;

/**
 * Names of the built-in PostgreSQL types by OID (from {@code pg_type.dat}) and their display
 * with a type modifier ({@code numeric(10,2)}, {@code varchar(20)}), for
 * {@code cursor.description()} without a catalog query. Unknown OIDs (user types) show as
 * their number, as psycopg does when it has no TypeInfo.
 */
public final class TypeNames {
    private static final Map<Integer, String> NAMES = new HashMap<>();
    /** Array OID to element OID, so that {@code 1007} shows as {@code int4[]}. */
    private static final Map<Integer, Integer> ARRAYS = new HashMap<>();

    static final int BPCHAR = 1042;
    static final int VARCHAR = 1043;
    static final int NUMERIC = 1700;

    static {
        name(16, "bool", 1000);
        name(17, "bytea", 1001);
        name(18, "char", 1002);
        name(19, "name", 1003);
        name(20, "int8", 1016);
        name(21, "int2", 1005);
        name(22, "int2vector", 1006);
        name(23, "int4", 1007);
        name(24, "regproc", 1008);
        name(25, "text", 1009);
        name(26, "oid", 1028);
        name(27, "tid", 1010);
        name(28, "xid", 1011);
        name(29, "cid", 1012);
        name(30, "oidvector", 1013);
        name(114, "json", 199);
        name(142, "xml", 143);
        name(600, "point", 1017);
        name(601, "lseg", 1018);
        name(602, "path", 1019);
        name(603, "box", 1020);
        name(604, "polygon", 1027);
        name(628, "line", 629);
        name(650, "cidr", 651);
        name(700, "float4", 1021);
        name(701, "float8", 1022);
        name(705, "unknown", 0);
        name(718, "circle", 719);
        name(774, "macaddr8", 775);
        name(790, "money", 791);
        name(829, "macaddr", 1040);
        name(869, "inet", 1041);
        name(1033, "aclitem", 1034);
        name(BPCHAR, "bpchar", 1014);
        name(VARCHAR, "varchar", 1015);
        name(1082, "date", 1182);
        name(1083, "time", 1183);
        name(1114, "timestamp", 1115);
        name(1184, "timestamptz", 1185);
        name(1186, "interval", 1187);
        name(1266, "timetz", 1270);
        name(1560, "bit", 1561);
        name(1562, "varbit", 1563);
        name(NUMERIC, "numeric", 1231);
        name(1790, "refcursor", 2201);
        name(2202, "regprocedure", 2207);
        name(2203, "regoper", 2208);
        name(2204, "regoperator", 2209);
        name(2205, "regclass", 2210);
        name(2206, "regtype", 2211);
        name(2249, "record", 2287);
        name(2275, "cstring", 1263);
        name(2278, "void", 0);
        name(2950, "uuid", 2951);
        name(2970, "txid_snapshot", 2949);
        name(3220, "pg_lsn", 3221);
        name(3614, "tsvector", 3643);
        name(3615, "tsquery", 3645);
        name(3802, "jsonb", 3807);
        name(4072, "jsonpath", 4073);
        name(3904, "int4range", 3905);
        name(3906, "numrange", 3907);
        name(3908, "tsrange", 3909);
        name(3910, "tstzrange", 3911);
        name(3912, "daterange", 3913);
        name(3926, "int8range", 3927);
        name(4451, "int4multirange", 6150);
        name(4532, "nummultirange", 6151);
        name(4533, "tsmultirange", 6152);
        name(4534, "tstzmultirange", 6153);
        name(4535, "datemultirange", 6155);
        name(4536, "int8multirange", 6157);
        name(5038, "pg_snapshot", 5039);
        name(5069, "xid8", 271);
    }

    private TypeNames() {
    }

    private static void name(int oid, String name, int arrayOid) {
        NAMES.put(oid, name);
        if (arrayOid != 0) {
            ARRAYS.put(arrayOid, oid);
        }
    }

    /** The type's name ({@code int4}, {@code text[]}), or null for an OID not built in. */
    public static String name(int oid) {
        String n = NAMES.get(oid);
        if (n != null) {
            return n;
        }
        Integer element = ARRAYS.get(oid);
        return element == null ? null : NAMES.get(element) + "[]";
    }

    /** The name with the modifier the column was declared with: {@code numeric(10,2)}, {@code varchar(20)}. */
    public static String display(int oid, int typmod) {
        String name = name(oid);
        if (name == null) {
            return Integer.toString(oid);
        }
        if (typmod < 0) {
            return name;
        }
        return switch (oid) {
            case BPCHAR, VARCHAR -> name + "(" + (typmod - 4) + ")";
            case NUMERIC -> name + "(" + precision(oid, typmod) + "," + scale(oid, typmod) + ")";
            case 1083, 1114, 1184, 1266 -> name + "(" + typmod + ")";
            case 1560, 1562 -> name + "(" + typmod + ")";
            default -> name;
        };
    }

    /** The declared length of a char/varchar/bit column (DB-API display_size), or null. */
    public static Integer displaySize(int oid, int typmod) {
        if (typmod < 0) {
            return null;
        }
        return switch (oid) {
            case BPCHAR, VARCHAR -> typmod - 4;
            case 1560, 1562 -> typmod;
            default -> null;
        };
    }

    /** Digits of a numeric column, fractional digits of a time column; null when not declared. */
    public static Integer precision(int oid, int typmod) {
        if (typmod < 0) {
            return null;
        }
        return switch (oid) {
            case NUMERIC -> ((typmod - 4) >> 16) & 0xFFFF;
            case 1083, 1114, 1184, 1266 -> typmod;
            default -> null;
        };
    }

    /** Digits after the decimal point of a numeric column; null when not declared. */
    public static Integer scale(int oid, int typmod) {
        if (typmod < 0 || oid != NUMERIC) {
            return null;
        }
        // The scale is an 11-bit signed value since PostgreSQL 15 (negative scales are allowed).
        int s = (typmod - 4) & 0x7FF;
        return (s ^ 1024) - 1024;
    }
}
