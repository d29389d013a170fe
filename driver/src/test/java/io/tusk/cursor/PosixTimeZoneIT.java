package io.tusk.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.Connection;
import io.tusk.Cursor;
import io.tusk.Tusk;
import io.tusk.rows.Row;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * timestamptz in text and binary under POSIX-style and named TimeZones: the same instant, at the
 * offset PostgreSQL itself shows ({@code +02:00} is two hours west of Greenwich, UTC−02).
 */
@PgTest
class PosixTimeZoneIT {
    private static final String[] INSTANTS = {"2020-01-02 03:04:05.5+00", "2020-07-08 09:10:11+00",
        "2020-03-29 01:30:00+00", "2020-10-25 01:30:00+00", "2020-11-01 06:30:00+00", "1850-01-02 00:00:00+00",
        "0044-03-15 12:00:00+00 BC"};

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "-02:00", "-5", "5.5", "UTC+3", "UTC-3", "GMT+1", "<+03>-03", "<-05>+05",
        "EST5EDT", "CET-1CEST,M3.5.0,M10.5.0/3", "AEST-10AEDT,M10.1.0,M4.1.0/3", "Europe/Paris",
        "America/New_York", "Asia/Kathmandu", "Etc/GMT+2", "UTC"})
    void binaryAndTextAgreeWithTheServersOwnRendering(String zone, TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            conn.execute("SET TimeZone = '" + zone + "'");
            for (String instant : INSTANTS) {
                String sql = "SELECT '" + instant + "'::timestamptz, extract(timezone FROM '" + instant
                        + "'::timestamptz)::int, to_char('" + instant + "'::timestamptz, 'YYYY-MM-DD HH24:MI:SS')";
                Row server = conn.execute(sql).fetchone();
                OffsetDateTime text = (OffsetDateTime) server.get(0);
                Cursor<Row> cur = conn.cursor();
                cur.setBinary(true);
                OffsetDateTime binary = (OffsetDateTime) cur.execute(sql).fetchone().get(0);
                String where = "TimeZone " + zone + " (reported as " + conn.info().parameterStatus("TimeZone") + "), "
                        + instant;
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(((Number) server.get(1)).intValue());
                assertEquals(offset, text.getOffset(), where);
                assertEquals(offset, binary.getOffset(), where);
                assertEquals(text, binary, where);
                if (text.getYear() > 0) {
                    assertEquals(server.get(2), text.toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")),
                            where);
                }
            }
        }
    }
}
