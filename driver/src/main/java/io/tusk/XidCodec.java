package io.tusk;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL JDBC driver's encoding of an XA id into a PostgreSQL transaction id, which
 * psycopg uses too: {@code <formatId>_<base64(gtrid)>_<base64(bqual)>}, decimal format id and
 * standard Base64 with padding (RFC 4648 section 4), so that either driver recovers the other's
 * prepared transactions.
 */
final class XidCodec {
    private static final Pattern FORM = Pattern.compile("(\\d{1,10})_([A-Za-z0-9+/=]*)_([A-Za-z0-9+/=]*)");

    private XidCodec() {
    }

    /** The decoded parts of an id in XA form. */
    record Parts(int formatId, byte[] gtrid, byte[] bqual) {
    }

    static String encode(int formatId, byte[] gtrid, byte[] bqual) {
        Base64.Encoder b64 = Base64.getEncoder();
        return formatId + "_" + b64.encodeToString(gtrid) + "_" + b64.encodeToString(bqual);
    }

    /**
     * The parts of an id in XA form, or null when it is not one. Only the canonical form counts
     * (it must encode back to the same text), so that committing a recovered id always names
     * the very transaction that was prepared.
     */
    static Parts decode(String id) {
        Matcher m = FORM.matcher(id);
        if (!m.matches()) {
            return null;
        }
        long formatId = Long.parseLong(m.group(1));
        if (formatId > Integer.MAX_VALUE) {
            return null;
        }
        byte[] gtrid;
        byte[] bqual;
        try {
            gtrid = Base64.getDecoder().decode(m.group(2));
            bqual = Base64.getDecoder().decode(m.group(3));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (gtrid.length > 64 || bqual.length > 64 || !encode((int) formatId, gtrid, bqual).equals(id)) {
            return null;
        }
        return new Parts((int) formatId, gtrid, bqual);
    }
}
