package io.tusk.internal.adapt.datetime;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's {@code TimeZone} setting, as PostgreSQL means it. The server reports the setting
 * (GUC_REPORT) by its canonical name: an IANA name ({@code Europe/Paris}, {@code EST5EDT},
 * {@code UTC}) or, when no zone file has that name, a POSIX {@code TZ} spec ({@code +02:00},
 * {@code UTC+3}, {@code <+03>-03}, {@code CET-1CEST,M3.5.0,M10.5.0/3}; a {@code SET TimeZone}
 * to a number of hours is reported as such a spec, e.g. {@code <-05>+05}). POSIX offsets count
 * hours <em>west</em> of Greenwich, so {@code +02:00} is UTC−2: Java's {@code ZoneId.of} reads
 * {@code +02:00} and {@code UTC+3} the other way round, hence this class (pg_tzset in
 * PostgreSQL's {@code src/timezone/pgtz.c}, tzparse in {@code localtime.c}).
 */
public final class PgZone {
    private static final PgZone UTC = new PgZone("UTC", ZoneOffset.UTC, ZoneOffset.UTC.getRules(), null, null);
    private static final ConcurrentHashMap<String, PgZone> CACHE = new ConcurrentHashMap<>();

    private final String name;
    /** A Java zone that follows the same rules, or null when Java has none (POSIX DST rules). */
    private final ZoneId zoneId;
    /** Null when neither Java nor {@link PosixTz} can read the setting. */
    private final ZoneRules rules;
    private final String standardAbbrev;
    private final String daylightAbbrev;

    private PgZone(String name, ZoneId zoneId, ZoneRules rules, String standardAbbrev, String daylightAbbrev) {
        this.name = name;
        this.zoneId = zoneId;
        this.rules = rules;
        this.standardAbbrev = standardAbbrev;
        this.daylightAbbrev = daylightAbbrev;
    }

    /** The zone for a reported {@code TimeZone} value; UTC when null (no session). */
    public static PgZone of(String setting) {
        if (setting == null || setting.isEmpty()) {
            return UTC;
        }
        PgZone z = CACHE.get(setting);
        if (z == null) {
            z = read(setting);
            if (CACHE.size() < 1000) {
                CACHE.put(setting, z);
            }
        }
        return z;
    }

    private static PgZone read(String s) {
        if (!posixLooking(s)) {
            try {
                ZoneId id = ZoneId.of(s);
                return named(s, id);
            } catch (DateTimeException e) {
                // not a Java region: maybe one of tzdata's fixed-offset names, or a POSIX spec
            }
            if (s.equals("EST") || s.equals("MST") || s.equals("HST")) {
                return named(s, ZoneId.of(s, ZoneId.SHORT_IDS));
            }
        }
        PosixTz p = PosixTz.parse(s);
        if (p == null) {
            return new PgZone(s, null, null, null, null);
        }
        ZoneRules r = p.rules();
        ZoneId id = r.isFixedOffset() ? r.getOffset(Instant.EPOCH) : null;
        return new PgZone(s, id, r, p.standardAbbrev(), p.daylightAbbrev());
    }

    private static PgZone named(String s, ZoneId id) {
        TimeZone tz = TimeZone.getTimeZone(id);
        return new PgZone(s, id, id.getRules(), tz.getDisplayName(false, TimeZone.SHORT, Locale.US),
                tz.getDisplayName(true, TimeZone.SHORT, Locale.US));
    }

    /**
     * Specs that Java reads with the opposite sign: bare offsets ({@code +02:00}, {@code -5}) and
     * {@code UTC}/{@code GMT}/{@code UT} followed by an offset. {@code Etc/GMT+2} is a zone file.
     */
    private static boolean posixLooking(String s) {
        char c = s.charAt(0);
        if (c == '+' || c == '-' || c == '<' || (c >= '0' && c <= '9')) {
            return true;
        }
        for (String prefix : new String[] {"UTC", "GMT", "UT"}) {
            if (s.length() > prefix.length() && s.startsWith(prefix)) {
                char next = s.charAt(prefix.length());
                return next == '+' || next == '-' || (next >= '0' && next <= '9');
            }
        }
        return false;
    }

    public String name() {
        return name;
    }

    /** Whether the offsets of this zone are known (an IANA name Java knows, or a POSIX spec it can read). */
    public boolean known() {
        return rules != null;
    }

    /**
     * The Java zone to show times in: the IANA zone, the fixed offset of a POSIX spec with
     * PostgreSQL's sign, or UTC when Java cannot express it (POSIX daylight-saving rules).
     */
    public ZoneId zoneId() {
        return zoneId != null ? zoneId : ZoneOffset.UTC;
    }

    /** The offset in force at an instant, as the server's text output shows it. */
    public ZoneOffset offset(Instant instant) {
        return rules == null ? ZoneOffset.UTC : rules.getOffset(instant);
    }

    /**
     * The offset that a local date-time printed with zone abbreviation {@code abbrev} (the SQL,
     * Postgres and German DateStyles) stands for: the zone's only offset at that local time, or
     * at a repeated hour the one the abbreviation names (numeric abbreviations such as
     * {@code +03} are offsets; otherwise standard or daylight time by name), else the earlier.
     * Null when the zone is unknown and the abbreviation is not numeric.
     */
    public ZoneOffset resolve(LocalDateTime local, String abbrev) {
        ZoneOffset numeric = numericAbbrev(abbrev);
        if (rules == null) {
            return numeric;
        }
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() == 1) {
            return valid.get(0);
        }
        ZoneOffsetTransition t = rules.getTransition(local);
        if (valid.isEmpty()) {
            return numeric != null ? numeric : t.getOffsetAfter();
        }
        if (numeric != null && valid.contains(numeric)) {
            return numeric;
        }
        boolean beforeIsDaylight = rules.isDaylightSavings(t.getInstant().minusSeconds(1));
        if (abbrev.equals(daylightAbbrev) && !abbrev.equals(standardAbbrev)) {
            return beforeIsDaylight ? t.getOffsetBefore() : t.getOffsetAfter();
        }
        if (abbrev.equals(standardAbbrev) && !abbrev.equals(daylightAbbrev)) {
            return beforeIsDaylight ? t.getOffsetAfter() : t.getOffsetBefore();
        }
        return t.getOffsetBefore();
    }

    /** {@code +03}, {@code -0330}, {@code +05:45}: IANA's numeric abbreviations are the offset itself. */
    static ZoneOffset numericAbbrev(String a) {
        int n = a.length();
        if (n < 3 || (a.charAt(0) != '+' && a.charAt(0) != '-')) {
            return null;
        }
        String digits = a.substring(1).replace(":", "");
        if (digits.length() % 2 != 0 || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int h = Integer.parseInt(digits.substring(0, 2));
        int m = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        int s = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
        int total = h * 3600 + m * 60 + s;
        try {
            return ZoneOffset.ofTotalSeconds(a.charAt(0) == '-' ? -total : total);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
