package io.tusk.internal.adapt.datetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tusk.adapt.AdaptContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PgZoneTest {
    private static ZoneOffset at(String zone, String instant) {
        return PgZone.of(zone).offset(Instant.parse(instant));
    }

    @Test
    void posixOffsetsCountWestOfGreenwich() {
        assertEquals(ZoneOffset.ofHours(-2), AdaptContext.zoneOf("+02:00"));
        assertEquals(ZoneOffset.ofHours(2), AdaptContext.zoneOf("-02:00"));
        assertEquals(ZoneOffset.ofHours(-3), AdaptContext.zoneOf("UTC+3"));
        assertEquals(ZoneOffset.ofHours(3), AdaptContext.zoneOf("<+03>-03"));
        assertEquals(ZoneOffset.ofHours(-5), AdaptContext.zoneOf("<-05>+05"));
        assertEquals(ZoneOffset.ofHoursMinutes(-5, -30), AdaptContext.zoneOf("<-05:30>+05:30"));
    }

    @Test
    void namesAreJavaZones() {
        assertEquals(ZoneId.of("Europe/Paris"), AdaptContext.zoneOf("Europe/Paris"));
        assertEquals(ZoneId.of("Etc/GMT+2"), AdaptContext.zoneOf("Etc/GMT+2"));
        assertEquals(ZoneOffset.ofHours(-5), AdaptContext.zoneOf("EST").getRules().getOffset(Instant.EPOCH));
        assertEquals(ZoneOffset.UTC, AdaptContext.zoneOf(null));
    }

    @Test
    void posixDaylightRulesFollowTheSeasonsBothHemispheres() {
        String cet = "CET-1CEST,M3.5.0,M10.5.0/3";
        assertEquals(ZoneOffset.ofHours(1), at(cet, "2020-01-15T12:00:00Z"));
        assertEquals(ZoneOffset.ofHours(2), at(cet, "2020-07-15T12:00:00Z"));
        assertEquals(ZoneOffset.ofHours(2), at(cet, "2020-03-29T01:00:00Z"));
        assertEquals(ZoneOffset.ofHours(1), at(cet, "2020-10-25T01:00:00Z"));
        String aest = "AEST-10AEDT,M10.1.0,M4.1.0/3";
        assertEquals(ZoneOffset.ofHours(11), at(aest, "2020-01-15T12:00:00Z"));
        assertEquals(ZoneOffset.ofHours(10), at(aest, "2020-07-15T12:00:00Z"));
        // Without rules, PostgreSQL's default US rules.
        assertEquals(ZoneOffset.ofHours(-4), at("XST5XDT", "2020-07-15T12:00:00Z"));
        assertEquals(ZoneOffset.ofHours(-5), at("XST5XDT", "2020-01-15T12:00:00Z"));
    }

    @Test
    void theRepeatedHourIsResolvedByItsAbbreviation() {
        PgZone cet = PgZone.of("CET-1CEST,M3.5.0,M10.5.0/3");
        LocalDateTime repeated = LocalDateTime.of(2020, 10, 25, 2, 30);
        assertEquals(ZoneOffset.ofHours(2), cet.resolve(repeated, "CEST"));
        assertEquals(ZoneOffset.ofHours(1), cet.resolve(repeated, "CET"));
        PgZone ny = PgZone.of("America/New_York");
        assertEquals(ZoneOffset.ofHours(-4), ny.resolve(LocalDateTime.of(2020, 11, 1, 1, 30), "EDT"));
        assertEquals(ZoneOffset.ofHours(-5), ny.resolve(LocalDateTime.of(2020, 11, 1, 1, 30), "EST"));
    }

    @Test
    void unreadableSpecsAreUnknownAndNumericAbbreviationsStillLoad() {
        PgZone z = PgZone.of("FOO3BAR,300,301");
        assertFalse(z.known());
        assertEquals(ZoneOffset.UTC, z.zoneId());
        assertEquals(ZoneOffset.ofHoursMinutes(5, 45), z.resolve(LocalDateTime.of(2020, 1, 1, 0, 0), "+0545"));
    }
}
