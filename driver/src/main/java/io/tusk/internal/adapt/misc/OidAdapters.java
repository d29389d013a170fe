package io.tusk.internal.adapt.misc;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.internal.adapt.Ascii;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.TextLoader;

/**
 * The object identifier types (PostgreSQL docs 8.19). The {@code reg*} aliases show a name in
 * text ({@code 'pg_class'::regclass}) but are a bare unsigned 32-bit OID in binary, so they load
 * as String from text results and as Long from binary ones; xid and cid load as Long, xid8 as
 * Long (its 64 bits, unsigned). Parameters are Strings (server-inferred) or Longs with a cast.
 */
public final class OidAdapters {
    public static final int XID = 28, CID = 29, XID8 = 5069, REGPROC = 24, REGPROCEDURE = 2202, REGOPER = 2203,
            REGOPERATOR = 2204, REGCLASS = 2205, REGTYPE = 2206, REGCONFIG = 3734, REGDICTIONARY = 3769,
            REGNAMESPACE = 4089, REGROLE = 4096, REGCOLLATION = 4191;

    static final int[] REG_TYPES = {REGPROC, REGPROCEDURE, REGOPER, REGOPERATOR, REGCLASS, REGTYPE, REGCONFIG,
        REGDICTIONARY, REGNAMESPACE, REGROLE, REGCOLLATION};

    private OidAdapters() {
    }

    public static void register(AdaptersMap m) {
        for (int oid : REG_TYPES) {
            m.registerLoader(oid, Format.TEXT, TextLoader.UTF8);
            m.registerLoader(oid, Format.BINARY, (b, off, len) -> {
                Bin.expectLength(len, 4, "oid");
                return Bin.int32(b, off) & 0xffffffffL;
            });
        }
        for (int oid : new int[] {XID, CID}) {
            String type = oid == XID ? "xid" : "cid";
            m.registerLoader(oid, Format.TEXT, (b, off, len) -> Ascii.parseLong(b, off, len, type));
            m.registerLoader(oid, Format.BINARY, (b, off, len) -> {
                Bin.expectLength(len, 4, type);
                return Bin.int32(b, off) & 0xffffffffL;
            });
        }
        m.registerLoader(XID8, Format.TEXT, (b, off, len) -> {
            try {
                return Long.parseUnsignedLong(Ascii.string(b, off, len));
            } catch (NumberFormatException e) {
                throw Ascii.bad(b, off, len, "xid8");
            }
        });
        m.registerLoader(XID8, Format.BINARY, (b, off, len) -> {
            Bin.expectLength(len, 8, "xid8");
            return Bin.int64(b, off);
        });
    }
}
