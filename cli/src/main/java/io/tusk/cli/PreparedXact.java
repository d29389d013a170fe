package io.tusk.cli;

import io.tusk.Connection;
import io.tusk.Xid;
import io.tusk.rows.Row;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of PostgreSQL's {@code pg_prepared_xacts}: a transaction prepared with
 * {@code PREPARE TRANSACTION} and not yet finished (in doubt), with its id decoded as an XA
 * triple when it is in the XA form {@link Xid#fromString} reads.
 *
 * <p>Example: {@code PreparedXact.list(conn)} then {@code x.gtridText()} shows {@code order-1234}.
 *
 * @param xid the decoded id; {@code xid.toString()} is the PostgreSQL transaction id (gid)
 * @param owner the role that prepared it
 * @param database the database it belongs to (COMMIT PREPARED must run there)
 * @param prepared when it was prepared
 * @param age how long ago, by the server's clock
 */
record PreparedXact(Xid xid, String owner, String database, Instant prepared, Duration age) {
    /** The server's prepared transactions, oldest first (age by the server's clock, not ours). */
    static List<PreparedXact> list(Connection conn) {
        List<PreparedXact> result = new ArrayList<>();
        for (Row r : conn.execute("SELECT gid, owner, database, "
                + "(extract(epoch FROM prepared) * 1000)::int8 AS prepared_ms, "
                + "(extract(epoch FROM statement_timestamp() - prepared) * 1000)::int8 AS age_ms "
                + "FROM pg_catalog.pg_prepared_xacts ORDER BY prepared, gid").fetchall()) {
            result.add(new PreparedXact(Xid.fromString(r.getString("gid")), r.getString("owner"), r.getString("database"),
                    Instant.ofEpochMilli(r.getLong("prepared_ms")), Duration.ofMillis(Math.max(0, r.getLong("age_ms")))));
        }
        return result;
    }

    /** The PostgreSQL transaction id, what COMMIT PREPARED is given. */
    String gid() {
        return xid.toString();
    }

    /** The gtrid as text when its bytes are printable UTF-8, else {@code hex:...}. */
    String gtridText() {
        return xid.isXa() ? printable(xid.gtridBytes()) : xid.gtrid();
    }

    /** The bqual as text when printable, else {@code hex:...}; null when the id is not an XA triple. */
    String bqualText() {
        return xid.isXa() ? printable(xid.bqualBytes()) : null;
    }

    /** The row as a JSON-ready map (ages in seconds, times in ISO-8601). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", gid());
        m.put("formatId", xid.formatId());
        m.put("gtrid", xid.isXa() ? textOrNull(xid.gtridBytes()) : xid.gtrid());
        m.put("gtridHex", xid.isXa() ? HexFormat.of().formatHex(xid.gtridBytes()) : null);
        m.put("bqual", xid.isXa() ? textOrNull(xid.bqualBytes()) : null);
        m.put("bqualHex", xid.isXa() ? HexFormat.of().formatHex(xid.bqualBytes()) : null);
        m.put("owner", owner);
        m.put("database", database);
        m.put("prepared", prepared.toString());
        m.put("ageSeconds", age.toSeconds());
        return m;
    }

    static String printable(byte[] bytes) {
        String text = textOrNull(bytes);
        return text != null ? text : "hex:" + HexFormat.of().formatHex(bytes);
    }

    /** The bytes as text if they are valid UTF-8 without control characters, else null. */
    static String textOrNull(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.codePoints().anyMatch(Character::isISOControl) ? null : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
