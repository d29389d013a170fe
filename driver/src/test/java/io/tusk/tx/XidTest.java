package io.tusk.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.Xid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class XidTest {

    @Test
    void encodesAsPgjdbcDoesFormatIdUnderscoreBase64Parts() {
        Xid xid = Xid.of(42, "gtrid", "bqual");
        assertEquals("42_Z3RyaWQ=_YnF1YWw=", xid.toString());
    }

    @Test
    void decodesItsOwnEncodingBackToTheSameParts() {
        Xid xid = Xid.fromString("42_Z3RyaWQ=_YnF1YWw=");
        assertEquals(42, xid.formatId());
        assertEquals("gtrid", xid.gtrid());
        assertEquals("bqual", xid.bqual());
        assertTrue(xid.isXa());
        assertEquals(Xid.of(42, "gtrid", "bqual"), xid);
        assertEquals(Xid.of(42, "gtrid", "bqual").hashCode(), xid.hashCode());
    }

    @Test
    void binaryPartsOf64BytesRoundTripExactly() {
        byte[] g = new byte[64];
        byte[] b = new byte[64];
        for (int i = 0; i < 64; i++) {
            g[i] = (byte) (255 - i);
            b[i] = (byte) i;
        }
        Xid xid = Xid.of(Integer.MAX_VALUE, g, b);
        String id = xid.toString();
        assertEquals(Integer.MAX_VALUE + "_" + Base64.getEncoder().encodeToString(g) + "_" + Base64.getEncoder().encodeToString(b), id);
        assertTrue(id.length() < 200, "fits PostgreSQL's 200-byte transaction id");
        Xid back = Xid.fromString(id);
        assertEquals(Integer.MAX_VALUE, back.formatId());
        assertArrayEquals(g, back.gtridBytes());
        assertArrayEquals(b, back.bqualBytes());
        assertEquals(xid, back);
    }

    @Test
    void formatIdZeroAndEmptyPartsAreValid() {
        Xid xid = Xid.of(0, new byte[0], new byte[0]);
        assertEquals("0__", xid.toString());
        Xid back = Xid.fromString("0__");
        assertEquals(0, back.formatId());
        assertEquals(0, back.gtridBytes().length);
        assertEquals(0, back.bqualBytes().length);
    }

    @Test
    void negativeFormatIdIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Xid.of(-1, "g", "b"));
        assertTrue(e.getMessage().contains("non-negative"), e.getMessage());
    }

    @Test
    void partsLongerThan64BytesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Xid.of(1, new byte[65], new byte[1]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Xid.of(1, "g", "é".repeat(33)));
        assertTrue(e.getMessage().contains("bqual") && e.getMessage().contains("66"), e.getMessage());
    }

    @Test
    void idNotInXaFormKeepsTheRawIdAsGtrid() {
        Xid xid = Xid.fromString("my-transaction");
        assertNull(xid.formatId());
        assertNull(xid.bqual());
        assertNull(xid.bqualBytes());
        assertFalse(xid.isXa());
        assertEquals("my-transaction", xid.gtrid());
        assertEquals("my-transaction", xid.toString());
        assertArrayEquals("my-transaction".getBytes(StandardCharsets.UTF_8), xid.gtridBytes());
    }

    @Test
    void idsThatOnlyLookLikeXaFormStayRaw() {
        for (String raw : new String[] {"42_Z3RyaWQ_YnF1YWw", "-1_Z3RyaWQ=_YnF1YWw=", "042_Z3RyaWQ=_YnF1YWw=",
                "99999999999_Z3RyaWQ=_YnF1YWw=", "1_a_b_c", "1_!!_YQ==", "x_YQ==_YQ=="}) {
            Xid xid = Xid.fromString(raw);
            assertNull(xid.formatId(), raw);
            assertEquals(raw, xid.toString(), raw);
            assertEquals(raw, xid.gtrid(), raw);
        }
    }

    @Test
    void equalityIsOnThePartsOnly() {
        Xid a = Xid.of(7, "g", "b");
        Xid recovered = Xid.fromString(a.toString()).withRecoveryInfo(java.time.Instant.EPOCH, "owner", "db");
        assertEquals(a, recovered);
        assertNotEquals(a, Xid.of(7, "g", "c"));
        assertNotEquals(a, Xid.of(8, "g", "b"));
        assertNotEquals(Xid.fromString("raw"), Xid.of(7, "raw", ""));
    }

    @Test
    void gtridAndBqualAccessorsReturnCopies() {
        Xid xid = Xid.of(1, new byte[] {1, 2}, new byte[] {3});
        xid.gtridBytes()[0] = 9;
        xid.bqualBytes()[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, xid.gtridBytes());
        assertArrayEquals(new byte[] {3}, xid.bqualBytes());
    }
}
