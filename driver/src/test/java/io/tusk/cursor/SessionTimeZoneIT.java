package io.tusk.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tusk.Connection;
import io.tusk.Tusk;
import io.tusk.testkit.PgTest;
import io.tusk.testkit.PgUsers;
import io.tusk.testkit.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** timestamptz results are shown in the session's TimeZone, as the server shows them. */
@PgTest
class SessionTimeZoneIT {

    @Test
    void timestamptzLoadsAtTheSessionOffsetInTextAndBinary(TestDatabase db) {
        try (Connection conn = Tusk.connect(db.conninfo(PgUsers.TRUST))) {
            conn.setAutocommit(true);
            conn.execute("SET TimeZone = 'Asia/Kathmandu'");
            OffsetDateTime text = (OffsetDateTime) conn.execute("SELECT '2020-01-01 00:00:00+00'::timestamptz WHERE %s", true)
                    .fetchone().get(0);
            assertEquals(ZoneOffset.ofHoursMinutes(5, 45), text.getOffset());
            assertEquals(OffsetDateTime.of(2020, 1, 1, 5, 45, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)), text);
            var cur = conn.cursor();
            cur.setBinary(true);
            OffsetDateTime binary = (OffsetDateTime) cur.execute("SELECT '2020-01-01 00:00:00+00'::timestamptz WHERE %s", true)
                    .fetchone().get(0);
            assertEquals(text, binary);
        }
    }
}
