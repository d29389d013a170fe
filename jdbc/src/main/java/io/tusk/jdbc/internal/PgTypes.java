package io.tusk.jdbc.internal;

import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * What JDBC says about PostgreSQL's built-in types: the {@link Types} code, the name, the class
 * {@code getObject} returns, precision, scale and display size. The answers are pgjdbc's
 * ({@code TypeInfoCache}), so tools that read ResultSetMetaData see the same thing through
 * either driver; types this table does not know are looked up in {@code pg_type} by
 * {@link TypeCatalog}.
 */
final class PgTypes {
    static final int BOOL = 16, BYTEA = 17, CHAR = 18, NAME = 19, INT8 = 20, INT2 = 21, INT4 = 23, TEXT = 25,
            OID = 26, JSON = 114, XML = 142, POINT = 600, BOX = 603, FLOAT4 = 700, FLOAT8 = 701, UNKNOWN = 705,
            MONEY = 790, BPCHAR = 1042, VARCHAR = 1043, DATE = 1082, TIME = 1083, TIMESTAMP = 1114,
            TIMESTAMPTZ = 1184, INTERVAL = 1186, TIMETZ = 1266, BIT = 1560, VARBIT = 1562, NUMERIC = 1700,
            REFCURSOR = 1790, UUID = 2950, JSONB = 3802;

    /** pgjdbc's "unknown length" (precision and display size of unbounded types). */
    static final int UNKNOWN_LENGTH = Integer.MAX_VALUE;

    record Known(String name, int oid, int sqlType, String className, int arrayOid) {
    }

    private static final Map<Integer, Known> BY_OID = new HashMap<>();
    private static final Map<Integer, Known> BY_ARRAY_OID = new HashMap<>();
    private static final Map<String, Known> BY_NAME = new HashMap<>();

    private static void add(String name, int oid, int sqlType, String className, int arrayOid) {
        Known k = new Known(name, oid, sqlType, className, arrayOid);
        BY_OID.put(oid, k);
        BY_NAME.put(name, k);
        if (arrayOid != 0) {
            BY_ARRAY_OID.put(arrayOid, k);
        }
    }

    static {
        // pgjdbc's table, plus the other built-ins Tusk loads (their JDBC type is OTHER, as
        // pgjdbc's catalog look-up answers for base types, with Tusk's own class).
        add("int2", INT2, Types.SMALLINT, "java.lang.Integer", 1005);
        add("int4", INT4, Types.INTEGER, "java.lang.Integer", 1007);
        add("oid", OID, Types.BIGINT, "java.lang.Long", 1028);
        add("int8", INT8, Types.BIGINT, "java.lang.Long", 1016);
        add("money", MONEY, Types.DOUBLE, "java.lang.Double", 791);
        add("numeric", NUMERIC, Types.NUMERIC, "java.math.BigDecimal", 1231);
        add("float4", FLOAT4, Types.REAL, "java.lang.Float", 1021);
        add("float8", FLOAT8, Types.DOUBLE, "java.lang.Double", 1022);
        add("char", CHAR, Types.CHAR, "java.lang.String", 1002);
        add("bpchar", BPCHAR, Types.CHAR, "java.lang.String", 1014);
        add("varchar", VARCHAR, Types.VARCHAR, "java.lang.String", 1015);
        add("varbit", VARBIT, Types.OTHER, "java.lang.String", 1563);
        add("text", TEXT, Types.VARCHAR, "java.lang.String", 1009);
        add("name", NAME, Types.VARCHAR, "java.lang.String", 1003);
        add("bytea", BYTEA, Types.BINARY, "[B", 1001);
        add("bool", BOOL, Types.BIT, "java.lang.Boolean", 1000);
        add("bit", BIT, Types.BIT, "java.lang.Boolean", 1561);
        add("date", DATE, Types.DATE, "java.sql.Date", 1182);
        add("time", TIME, Types.TIME, "java.sql.Time", 1183);
        add("timetz", TIMETZ, Types.TIME, "java.sql.Time", 1270);
        add("timestamp", TIMESTAMP, Types.TIMESTAMP, "java.sql.Timestamp", 1115);
        add("timestamptz", TIMESTAMPTZ, Types.TIMESTAMP, "java.sql.Timestamp", 1185);
        add("refcursor", REFCURSOR, Types.REF_CURSOR, "java.sql.ResultSet", 2201);
        add("json", JSON, Types.OTHER, "io.tusk.types.Json", 199);
        add("jsonb", JSONB, Types.OTHER, "io.tusk.types.Jsonb", 3807);
        add("point", POINT, Types.OTHER, "io.tusk.types.Point", 1017);
        add("box", BOX, Types.OTHER, "io.tusk.types.Box", 1020);
        add("uuid", UUID, Types.OTHER, "java.util.UUID", 2951);
        add("xml", XML, Types.SQLXML, "java.sql.SQLXML", 143);
        add("interval", INTERVAL, Types.OTHER, "io.tusk.types.Interval", 1187);
        add("unknown", UNKNOWN, Types.OTHER, "java.lang.String", 0);
        add("inet", 869, Types.OTHER, "java.lang.Object", 1041);
        add("cidr", 650, Types.OTHER, "io.tusk.types.Cidr", 651);
        add("macaddr", 829, Types.OTHER, "io.tusk.types.MacAddr", 1040);
        add("macaddr8", 774, Types.OTHER, "io.tusk.types.MacAddr", 775);
        add("lseg", 601, Types.OTHER, "io.tusk.types.LineSegment", 1018);
        add("path", 602, Types.OTHER, "io.tusk.types.Path", 1019);
        add("polygon", 604, Types.OTHER, "io.tusk.types.Polygon", 1027);
        add("line", 628, Types.OTHER, "io.tusk.types.Line", 629);
        add("circle", 718, Types.OTHER, "io.tusk.types.Circle", 719);
        add("int4range", 3904, Types.OTHER, "io.tusk.types.Range", 3905);
        add("numrange", 3906, Types.OTHER, "io.tusk.types.Range", 3907);
        add("tsrange", 3908, Types.OTHER, "io.tusk.types.Range", 3909);
        add("tstzrange", 3910, Types.OTHER, "io.tusk.types.Range", 3911);
        add("daterange", 3912, Types.OTHER, "io.tusk.types.Range", 3913);
        add("int8range", 3926, Types.OTHER, "io.tusk.types.Range", 3927);
        add("record", 2249, Types.OTHER, "io.tusk.types.Composite", 2287);
        add("regclass", 2205, Types.OTHER, "java.lang.Object", 2210);
        add("regtype", 2206, Types.OTHER, "java.lang.Object", 2211);
        add("regproc", 24, Types.OTHER, "java.lang.Object", 1008);
        add("xid", 28, Types.OTHER, "java.lang.Long", 1011);
        add("cid", 29, Types.OTHER, "java.lang.Long", 1012);
        add("tid", 27, Types.OTHER, "java.lang.String", 1010);
        add("void", 2278, Types.OTHER, "java.lang.String", 0);
    }

    private PgTypes() {
    }

    /** The built-in type with that OID, or null. */
    static Known known(int oid) {
        return BY_OID.get(oid);
    }

    /** The element type of a built-in array type, or null when {@code oid} is not one. */
    static Known elementOf(int arrayOid) {
        return BY_ARRAY_OID.get(arrayOid);
    }

    /** The built-in type of that name ({@code int4}, {@code varchar}, ...), or null. */
    static Known byName(String name) {
        return BY_NAME.get(name);
    }

    /** The OID whose per-type answers apply: an array's element type, as pgjdbc does. */
    static int baseOid(int oid) {
        Known e = BY_ARRAY_OID.get(oid);
        return e == null ? oid : e.oid();
    }

    static int precision(int oid, int typmod) {
        oid = baseOid(oid);
        switch (oid) {
            case INT2: return 5;
            case OID: case INT4: return 10;
            case INT8: return 19;
            // float4/float8: 6 and 15 significant digits, up to two more with extra_float_digits
            case FLOAT4: return 8;
            case FLOAT8: return 17;
            case NUMERIC: return typmod == -1 ? 0 : ((typmod - 4) & 0xFFFF0000) >> 16;
            case CHAR: case BOOL: return 1;
            case BPCHAR: case VARCHAR: return typmod == -1 ? UNKNOWN_LENGTH : typmod - 4;
            case DATE: case TIME: case TIMETZ: case INTERVAL: case TIMESTAMP: case TIMESTAMPTZ:
                return displaySize(oid, typmod);
            case BIT: return typmod;
            case VARBIT: return typmod == -1 ? UNKNOWN_LENGTH : typmod;
            default: return UNKNOWN_LENGTH;
        }
    }

    static int scale(int oid, int typmod) {
        oid = baseOid(oid);
        switch (oid) {
            case FLOAT4: return 8;
            case FLOAT8: return 17;
            case NUMERIC: return typmod == -1 ? 0 : (typmod - 4) & 0xFFFF;
            case TIME: case TIMETZ: case TIMESTAMP: case TIMESTAMPTZ: return typmod == -1 ? 6 : typmod;
            case INTERVAL: return typmod == -1 ? 6 : typmod & 0xFFFF;
            default: return 0;
        }
    }

    static int displaySize(int oid, int typmod) {
        oid = baseOid(oid);
        switch (oid) {
            case INT2: return 6;
            case INT4: return 11;
            case OID: return 10;
            case INT8: return 20;
            case FLOAT4: return 15;
            case FLOAT8: return 25;
            case CHAR: case BOOL: return 1;
            case DATE: return 13;
            case TIME: case TIMETZ: case TIMESTAMP: case TIMESTAMPTZ: {
                // digits of the fraction and its point; time(1) prints two digits
                int second = switch (typmod) {
                    case -1 -> 7;
                    case 0 -> 0;
                    case 1 -> 3;
                    default -> typmod + 1;
                };
                return switch (oid) {
                    case TIME -> 8 + second;
                    case TIMETZ -> 8 + second + 6;
                    case TIMESTAMP -> 13 + 1 + 8 + second;
                    default -> 13 + 1 + 8 + second + 6;
                };
            }
            case INTERVAL: return 49;
            case VARCHAR: case BPCHAR: return typmod == -1 ? UNKNOWN_LENGTH : typmod - 4;
            case NUMERIC: {
                if (typmod == -1) {
                    return 131089;
                }
                int precision = (typmod - 4 >> 16) & 0xffff;
                int scale = (typmod - 4) & 0xffff;
                return 1 + precision + (scale != 0 ? 1 : 0);
            }
            case BIT: return typmod;
            case VARBIT: return typmod == -1 ? UNKNOWN_LENGTH : typmod;
            default: return UNKNOWN_LENGTH;
        }
    }

    static boolean isSigned(int oid) {
        oid = baseOid(oid);
        return oid == INT2 || oid == INT4 || oid == INT8 || oid == FLOAT4 || oid == FLOAT8 || oid == NUMERIC;
    }

    static boolean isCaseSensitive(int oid) {
        oid = baseOid(oid);
        switch (oid) {
            case OID: case INT2: case INT4: case INT8: case FLOAT4: case FLOAT8: case NUMERIC: case BOOL: case BIT:
            case VARBIT: case DATE: case TIME: case TIMETZ: case TIMESTAMP: case TIMESTAMPTZ: case INTERVAL:
                return false;
            default:
                return true;
        }
    }
}
