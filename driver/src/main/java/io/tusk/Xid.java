package io.tusk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A two-phase commit transaction id: psycopg's {@code Xid}, the XA triple of a format id, a
 * global transaction id (gtrid) and a branch qualifier (bqual).
 *
 * <pre>{@code
 * Xid xid = conn.xid(42, "order-1234", "db-1");
 * conn.tpcBegin(xid);
 * conn.execute("INSERT INTO t VALUES (1)");
 * conn.tpcPrepare();   // PREPARE TRANSACTION '42_b3JkZXItMTIzNA==_ZGItMQ=='
 * conn.tpcCommit();
 * }</pre>
 *
 * <p>{@link #toString()} is the PostgreSQL transaction id sent in {@code PREPARE TRANSACTION}:
 * for an XA id, the PostgreSQL JDBC driver's form (decimal format id, {@code _}, standard
 * Base64 of the gtrid bytes, {@code _}, the same of the bqual), so that prepared transactions
 * of either driver can be recovered by the other. {@link #fromString(String)} reads it back; an
 * id not in that form (made by {@code PREPARE TRANSACTION 'anything'}) is an Xid with only
 * {@link #gtrid()} set to the raw id, and {@link #formatId()} and {@link #bqual()} null.
 *
 * <p>Two Xids are equal when their parts are; {@link #prepared()}, {@link #owner()} and
 * {@link #database()} are filled in only by {@link Connection#tpcRecover()} and do not count.
 */
public final class Xid {
    /** XA's MAXGTRIDSIZE and MAXBQUALSIZE: 64 bytes each. */
    public static final int MAX_PART_BYTES = 64;

    private final Integer formatId;
    private final byte[] gtrid;
    private final byte[] bqual;
    private final String id;
    private final Instant prepared;
    private final String owner;
    private final String database;

    private Xid(Integer formatId, byte[] gtrid, byte[] bqual, String id, Instant prepared, String owner, String database) {
        this.formatId = formatId;
        this.gtrid = gtrid;
        this.bqual = bqual;
        this.id = id;
        this.prepared = prepared;
        this.owner = owner;
        this.database = database;
    }

    /**
     * An XA id from binary parts, as a transaction manager hands them over
     * ({@code javax.transaction.xa.Xid}).
     *
     * @throws IllegalArgumentException when {@code formatId} is negative or a part is longer than 64 bytes
     */
    public static Xid of(int formatId, byte[] gtrid, byte[] bqual) {
        Objects.requireNonNull(gtrid, "gtrid");
        Objects.requireNonNull(bqual, "bqual");
        if (formatId < 0) {
            throw new IllegalArgumentException("the format id of an Xid must be a non-negative 32-bit integer, not " + formatId);
        }
        checkLength("gtrid", gtrid);
        checkLength("bqual", bqual);
        byte[] g = gtrid.clone();
        byte[] b = bqual.clone();
        return new Xid(formatId, g, b, XidCodec.encode(formatId, g, b), null, null, null);
    }

    /** An XA id whose gtrid and bqual are strings, stored as their UTF-8 bytes (what {@link Connection#xid} makes). */
    public static Xid of(int formatId, String gtrid, String bqual) {
        Objects.requireNonNull(gtrid, "gtrid");
        Objects.requireNonNull(bqual, "bqual");
        return of(formatId, gtrid.getBytes(StandardCharsets.UTF_8), bqual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a PostgreSQL transaction id: the XA triple when it is in the PostgreSQL JDBC
     * driver's form, else an Xid whose gtrid is the whole id. The inverse of {@link #toString()}.
     */
    public static Xid fromString(String id) {
        Objects.requireNonNull(id, "id");
        XidCodec.Parts p = XidCodec.decode(id);
        if (p == null) {
            return new Xid(null, id.getBytes(StandardCharsets.UTF_8), null, id, null, null, null);
        }
        return new Xid(p.formatId(), p.gtrid(), p.bqual(), id, null, null, null);
    }

    /** This id with what {@code pg_prepared_xacts} says about it (used by recovery). */
    public Xid withRecoveryInfo(Instant prepared, String owner, String database) {
        return new Xid(formatId, gtrid, bqual, id, prepared, owner, database);
    }

    private static void checkLength(String what, byte[] part) {
        if (part.length > MAX_PART_BYTES) {
            throw new IllegalArgumentException("the " + what + " of an Xid must be at most " + MAX_PART_BYTES
                    + " bytes, not " + part.length + " (XA's limit)");
        }
    }

    /** The XA format id, or null when the id is not in XA form. */
    public Integer formatId() {
        return formatId;
    }

    /**
     * The global transaction id as text (its bytes read as UTF-8), or the whole PostgreSQL
     * transaction id when it is not in XA form. Use {@link #gtridBytes()} for binary ids.
     */
    public String gtrid() {
        return formatId == null ? id : new String(gtrid, StandardCharsets.UTF_8);
    }

    /** The branch qualifier as text (its bytes read as UTF-8), or null when the id is not in XA form. */
    public String bqual() {
        return bqual == null ? null : new String(bqual, StandardCharsets.UTF_8);
    }

    /** The global transaction id's bytes (a copy); for an id not in XA form, the UTF-8 bytes of the whole id. */
    public byte[] gtridBytes() {
        return gtrid.clone();
    }

    /** The branch qualifier's bytes (a copy), or null when the id is not in XA form. */
    public byte[] bqualBytes() {
        return bqual == null ? null : bqual.clone();
    }

    /** True when this id is an XA triple (it has a format id and a branch qualifier). */
    public boolean isXa() {
        return formatId != null;
    }

    /** When the transaction was prepared; only on ids returned by {@link Connection#tpcRecover()}. */
    public Instant prepared() {
        return prepared;
    }

    /** The role that prepared the transaction; only on ids returned by {@link Connection#tpcRecover()}. */
    public String owner() {
        return owner;
    }

    /** The database the transaction belongs to; only on ids returned by {@link Connection#tpcRecover()}. */
    public String database() {
        return database;
    }

    /** The PostgreSQL transaction id: what {@code PREPARE TRANSACTION} and {@code COMMIT PREPARED} are given. */
    @Override
    public String toString() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xid x && Objects.equals(formatId, x.formatId) && Arrays.equals(gtrid, x.gtrid)
                && Arrays.equals(bqual, x.bqual);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(formatId) * 31 + Arrays.hashCode(gtrid)) * 31 + Arrays.hashCode(bqual);
    }
}
