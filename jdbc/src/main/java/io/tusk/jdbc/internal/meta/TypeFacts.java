package io.tusk.jdbc.internal.meta;

import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * What a PostgreSQL type is in JDBC's terms: its {@link Types} code, size and scale. These are
 * the answers pgjdbc gives (its TypeInfoCache), so that schema tools see the same numbers through
 * either driver: a fixed table for the core types and their arrays, and for every other type its
 * kind (array, composite, domain, enum).
 */
final class TypeFacts {
    static final int INT2 = 21, INT4 = 23, OID = 26, INT8 = 20, MONEY = 790, NUMERIC = 1700, FLOAT4 = 700,
            FLOAT8 = 701, CHAR = 18, BPCHAR = 1042, VARCHAR = 1043, VARBIT = 1562, TEXT = 25, NAME = 19,
            BYTEA = 17, BOOL = 16, BIT = 1560, DATE = 1082, TIME = 1083, TIMETZ = 1266, TIMESTAMP = 1114,
            TIMESTAMPTZ = 1184, REFCURSOR = 1790, JSON = 114, POINT = 600, BOX = 603, UUID = 2950, XML = 142,
            INTERVAL = 1186;

    /** "Unknown length" of unbounded types (pgjdbc's unknownLength default). */
    static final int UNKNOWN_LENGTH = Integer.MAX_VALUE;

    private static final Map<Integer, Integer> SQL_TYPE = new HashMap<>();
    /** Array oid of a core type to the core type: sizes of such arrays are those of their element. */
    private static final Map<Integer, Integer> ARRAY_ELEMENT = new HashMap<>();

    static {
        core(INT2, 1005, Types.SMALLINT);
        core(INT4, 1007, Types.INTEGER);
        core(OID, 1028, Types.BIGINT);
        core(INT8, 1016, Types.BIGINT);
        core(MONEY, 791, Types.DOUBLE);
        core(NUMERIC, 1231, Types.NUMERIC);
        core(FLOAT4, 1021, Types.REAL);
        core(FLOAT8, 1022, Types.DOUBLE);
        core(CHAR, 1002, Types.CHAR);
        core(BPCHAR, 1014, Types.CHAR);
        core(VARCHAR, 1015, Types.VARCHAR);
        core(VARBIT, 1563, Types.OTHER);
        core(TEXT, 1009, Types.VARCHAR);
        core(NAME, 1003, Types.VARCHAR);
        core(BYTEA, 1001, Types.BINARY);
        core(BOOL, 1000, Types.BIT);
        core(BIT, 1561, Types.BIT);
        core(DATE, 1182, Types.DATE);
        core(TIME, 1183, Types.TIME);
        core(TIMETZ, 1270, Types.TIME);
        core(TIMESTAMP, 1115, Types.TIMESTAMP);
        core(TIMESTAMPTZ, 1185, Types.TIMESTAMP);
        core(REFCURSOR, 2201, Types.REF_CURSOR);
        core(JSON, 199, Types.OTHER);
        core(POINT, 1017, Types.OTHER);
        core(BOX, 1020, Types.OTHER);
        core(UUID, 2951, Types.OTHER);
        core(XML, 143, Types.SQLXML);
    }

    private static void core(int oid, int arrayOid, int sqlType) {
        SQL_TYPE.put(oid, sqlType);
        SQL_TYPE.put(arrayOid, Types.ARRAY);
        ARRAY_ELEMENT.put(arrayOid, oid);
    }

    private TypeFacts() {
    }

    /**
     * The java.sql.Types code of a type: the core table, else by kind: an array (its input
     * function is array_in) is ARRAY, a composite STRUCT, a domain DISTINCT, an enum VARCHAR,
     * anything else OTHER.
     */
    static int sqlType(long oid, String typtype, boolean isArray) {
        if (oid == 0) {
            return Types.OTHER;
        }
        Integer t = SQL_TYPE.get((int) oid);
        if (t != null) {
            return t;
        }
        if (isArray) {
            return Types.ARRAY;
        }
        if (typtype == null) {
            return Types.OTHER;
        }
        return switch (typtype) {
            case "c" -> Types.STRUCT;
            case "d" -> Types.DISTINCT;
            case "e" -> Types.VARCHAR;
            default -> Types.OTHER;
        };
    }

    private static int base(long oid) {
        Integer e = ARRAY_ELEMENT.get((int) oid);
        return e == null ? (int) oid : e;
    }

    /** The precision (COLUMN_SIZE) of a value of the type with that type modifier. */
    static int precision(long typeOid, int typmod) {
        int oid = base(typeOid);
        switch (oid) {
            case INT2:
                return 5;
            case OID:
            case INT4:
                return 10;
            case INT8:
                return 19;
            case FLOAT4:
                return 8;
            case FLOAT8:
                return 17;
            case NUMERIC:
                return typmod == -1 ? 0 : ((typmod - 4) & 0xFFFF0000) >> 16;
            case CHAR:
            case BOOL:
                return 1;
            case BPCHAR:
            case VARCHAR:
                return typmod == -1 ? UNKNOWN_LENGTH : typmod - 4;
            case DATE:
            case TIME:
            case TIMETZ:
            case INTERVAL:
            case TIMESTAMP:
            case TIMESTAMPTZ:
                return displaySize(oid, typmod);
            case BIT:
                return typmod;
            case VARBIT:
                return typmod == -1 ? UNKNOWN_LENGTH : typmod;
            default:
                return UNKNOWN_LENGTH;
        }
    }

    /** The number of fractional digits (DECIMAL_DIGITS) of the type with that modifier. */
    static int scale(long typeOid, int typmod) {
        int oid = base(typeOid);
        return switch (oid) {
            case FLOAT4 -> 8;
            case FLOAT8 -> 17;
            case NUMERIC -> typmod == -1 ? 0 : (typmod - 4) & 0xFFFF;
            case TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ -> typmod == -1 ? 6 : typmod;
            case INTERVAL -> typmod == -1 ? 6 : typmod & 0xFFFF;
            default -> 0;
        };
    }

    /** The most characters the text form of a value can take. */
    static int displaySize(long typeOid, int typmod) {
        int oid = base(typeOid);
        switch (oid) {
            case INT2:
                return 6;
            case INT4:
                return 11;
            case OID:
                return 10;
            case INT8:
                return 20;
            case FLOAT4:
                return 15;
            case FLOAT8:
                return 25;
            case CHAR:
            case BOOL:
                return 1;
            case DATE:
                return 13;
            case TIME:
            case TIMETZ:
            case TIMESTAMP:
            case TIMESTAMPTZ: {
                int seconds = switch (typmod) {
                    case -1 -> 7;
                    case 0 -> 0;
                    case 1 -> 3;
                    default -> typmod + 1;
                };
                return switch (oid) {
                    case TIME -> 8 + seconds;
                    case TIMETZ -> 8 + seconds + 6;
                    case TIMESTAMP -> 13 + 1 + 8 + seconds;
                    default -> 13 + 1 + 8 + seconds + 6;
                };
            }
            case INTERVAL:
                return 49;
            case VARCHAR:
            case BPCHAR:
                return typmod == -1 ? UNKNOWN_LENGTH : typmod - 4;
            case NUMERIC: {
                if (typmod == -1) {
                    return 131089;
                }
                int precision = (typmod - 4 >> 16) & 0xffff;
                int scale = (typmod - 4) & 0xffff;
                return 1 + precision + (scale != 0 ? 1 : 0);
            }
            case BIT:
                return typmod;
            case VARBIT:
                return typmod == -1 ? UNKNOWN_LENGTH : typmod;
            default:
                return UNKNOWN_LENGTH;
        }
    }

    /** The largest precision the type accepts (getTypeInfo PRECISION); 0 when not applicable. */
    static int maximumPrecision(long typeOid) {
        return switch (base(typeOid)) {
            case NUMERIC -> 1000;
            case TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> 6;
            case BPCHAR, VARCHAR -> 10485760;
            case BIT, VARBIT -> 83886080;
            default -> 0;
        };
    }

    static boolean caseSensitive(long typeOid) {
        return switch (base(typeOid)) {
            case OID, INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, BOOL, BIT, VARBIT, DATE, TIME, TIMETZ, TIMESTAMP,
                    TIMESTAMPTZ, INTERVAL -> false;
            default -> true;
        };
    }

    static boolean signed(long typeOid) {
        return switch (base(typeOid)) {
            case INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC -> true;
            default -> false;
        };
    }

    /** Whether literals of the type are written in quotes (getTypeInfo LITERAL_PREFIX). */
    static boolean quoted(int sqlType) {
        return switch (sqlType) {
            case Types.BIGINT, Types.DOUBLE, Types.FLOAT, Types.INTEGER, Types.REAL, Types.SMALLINT, Types.TINYINT,
                    Types.NUMERIC, Types.DECIMAL -> false;
            default -> true;
        };
    }

    /**
     * SQL selecting, for the pg_type row {@code t} (with its pg_namespace {@code tn}), the three
     * facts Java needs: typtype, whether it is an array, and the name to show (bare when its
     * schema is on the search path, else "schema"."name").
     */
    static String facts(String t, String tn) {
        return t + ".typtype::text, " + t + ".typinput = 'pg_catalog.array_in'::pg_catalog.regproc, "
                + "CASE WHEN " + tn + ".nspname = ANY (pg_catalog.current_schemas(true)) THEN " + t + ".typname::text "
                + "ELSE '\"' || " + tn + ".nspname || '\".\"' || " + t + ".typname || '\"' END";
    }
}
