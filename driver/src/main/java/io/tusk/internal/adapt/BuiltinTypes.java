package io.tusk.internal.adapt;

import java.util.HashMap;
import java.util.Map;

/**
 * The OIDs of PostgreSQL's built-in types and of their arrays, fixed in the server's
 * {@code pg_type.dat} since they were added (psycopg's {@code postgres.types}). Types made by
 * extensions (hstore, citext) have no fixed OID and are looked up with {@code TypeInfo}.
 */
public final class BuiltinTypes {
    public static final int BOOL = 16, BYTEA = 17, CHAR = 18, NAME = 19, INT8 = 20, INT2 = 21, INT4 = 23,
            TEXT = 25, OID = 26, JSON = 114, XML = 142, CIDR = 650, FLOAT4 = 700, FLOAT8 = 701, UNKNOWN = 705,
            MACADDR8 = 774, MONEY = 790, MACADDR = 829, INET = 869, BPCHAR = 1042, VARCHAR = 1043, DATE = 1082,
            TIME = 1083, TIMESTAMP = 1114, TIMESTAMPTZ = 1184, INTERVAL = 1186, TIMETZ = 1266, BIT = 1560,
            VARBIT = 1562, NUMERIC = 1700, UUID = 2950, JSONB = 3802, RECORD = 2249;

    /** A built-in type: its name, OID, and the OID of its array type (0 if none). */
    public record Type(String name, int oid, int arrayOid) {
    }

    private static final Map<Integer, Type> BY_OID = new HashMap<>();
    private static final Map<Integer, Type> BY_ARRAY_OID = new HashMap<>();
    private static final Map<String, Type> BY_NAME = new HashMap<>();

    static {
        add("bool", BOOL, 1000);
        add("bytea", BYTEA, 1001);
        add("char", CHAR, 1002);
        add("name", NAME, 1003);
        add("int8", INT8, 1016);
        add("int2", INT2, 1005);
        add("int4", INT4, 1007);
        add("text", TEXT, 1009);
        add("oid", OID, 1028);
        add("json", JSON, 199);
        add("xml", XML, 143);
        add("cidr", CIDR, 651);
        add("float4", FLOAT4, 1021);
        add("float8", FLOAT8, 1022);
        add("unknown", UNKNOWN, 0);
        add("macaddr8", MACADDR8, 775);
        add("money", MONEY, 791);
        add("macaddr", MACADDR, 1040);
        add("inet", INET, 1041);
        add("bpchar", BPCHAR, 1014);
        add("varchar", VARCHAR, 1015);
        add("date", DATE, 1182);
        add("time", TIME, 1183);
        add("timestamp", TIMESTAMP, 1115);
        add("timestamptz", TIMESTAMPTZ, 1185);
        add("interval", INTERVAL, 1187);
        add("timetz", TIMETZ, 1270);
        add("bit", BIT, 1561);
        add("varbit", VARBIT, 1563);
        add("numeric", NUMERIC, 1231);
        add("uuid", UUID, 2951);
        add("jsonb", JSONB, 3807);
        add("record", RECORD, 2287);
        add("int4range", 3904, 3905);
        add("numrange", 3906, 3907);
        add("tsrange", 3908, 3909);
        add("tstzrange", 3910, 3911);
        add("daterange", 3912, 3913);
        add("int8range", 3926, 3927);
        add("jsonpath", 4072, 4073);
        add("regtype", 2206, 2211);
        add("xid", 28, 1011);
        add("cid", 29, 1012);
        add("tid", 27, 1010);
        add("xid8", 5069, 271);
        add("point", 600, 1017);
        add("lseg", 601, 1018);
        add("path", 602, 1019);
        add("box", 603, 1020);
        add("polygon", 604, 1027);
        add("line", 628, 629);
        add("circle", 718, 719);
        add("regproc", 24, 1008);
        add("regprocedure", 2202, 2207);
        add("regoper", 2203, 2208);
        add("regoperator", 2204, 2209);
        add("regclass", 2205, 2210);
        add("regconfig", 3734, 3735);
        add("regdictionary", 3769, 3770);
        add("regnamespace", 4089, 4090);
        add("regrole", 4096, 4097);
        add("regcollation", 4191, 4192);
        add("pg_lsn", 3220, 3221);
        add("int4multirange", 4451, 6150);
        add("nummultirange", 4532, 6151);
        add("tsmultirange", 4533, 6152);
        add("tstzmultirange", 4534, 6153);
        add("datemultirange", 4535, 6155);
        add("int8multirange", 4536, 6157);
    }

    private BuiltinTypes() {
    }

    private static void add(String name, int oid, int arrayOid) {
        Type t = new Type(name, oid, arrayOid);
        BY_OID.put(oid, t);
        BY_NAME.put(name, t);
        if (arrayOid != 0) {
            BY_ARRAY_OID.put(arrayOid, t);
            BY_NAME.put(name + "[]", new Type(name + "[]", arrayOid, 0));
            BY_NAME.put("_" + name, new Type("_" + name, arrayOid, 0));
        }
    }

    /**
     * The delimiter between an array's elements in text (pg_type.typdelim of the element type):
     * a semicolon for box, whose own text holds commas; a comma for every other built-in type.
     */
    public static char delimiter(int elementOid) {
        return elementOid == 603 ? ';' : ',';
    }

    /** The built-in type of an OID, or null. */
    public static Type byOid(int oid) {
        return BY_OID.get(oid);
    }

    /** The element type of a built-in array OID, or null when the OID is not such an array. */
    public static Type elementOf(int arrayOid) {
        return BY_ARRAY_OID.get(arrayOid);
    }

    /** The array OID of a built-in element OID, or 0. */
    public static int arrayOf(int oid) {
        Type t = BY_OID.get(oid);
        return t == null ? 0 : t.arrayOid();
    }

    /** Every name (plain, {@code name[]} and {@code _name}) with its OID. */
    public static Map<String, Type> byName() {
        return BY_NAME;
    }

    /** The name to cast a literal to, for an OID; null when it is not a built-in type. */
    public static String castName(int oid) {
        Type t = BY_OID.get(oid);
        if (t != null) {
            return t.name().equals("char") ? "\"char\"" : t.name();
        }
        Type e = BY_ARRAY_OID.get(oid);
        return e == null ? null : (e.name().equals("char") ? "\"char\"" : e.name()) + "[]";
    }
}
