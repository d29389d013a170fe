package io.tusk.internal.adapt.datetime;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneOffsetTransitionRule.TimeDefinition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A POSIX {@code TZ} spec as PostgreSQL's tzparse reads it: {@code std offset [dst [offset]
 * [,start[/time],end[/time]]]}, names alphabetic or in angle brackets (PostgreSQL also allows
 * an empty standard name, as in {@code +02:00}), offsets {@code [+-]hh[:mm[:ss]]} counted west
 * of Greenwich, the daylight offset one hour east of standard by default, and, without rules,
 * PostgreSQL's default US rules {@code M3.2.0,M11.1.0} (TZDEFRULESTRING). Rules in
 * {@code Mm.w.d} and {@code Jn} form are supported; the zero-based day-of-year form and times
 * outside 0–24 h are not (the spec is then unknown to Tusk).
 */
record PosixTz(String standardAbbrev, ZoneOffset standard, String daylightAbbrev, ZoneOffset daylight,
        ZoneOffsetTransitionRule start, ZoneOffsetTransitionRule end) {

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean more() {
            return pos < s.length();
        }

        char peek() {
            return s.charAt(pos);
        }
    }

    /** The spec, or null when it is not one (or uses a form Tusk cannot express). */
    static PosixTz parse(String spec) {
        try {
            Cursor c = new Cursor(spec);
            String std = name(c);
            if (!c.more()) {
                return null;
            }
            Integer west = seconds(c, true);
            if (west == null) {
                return null;
            }
            ZoneOffset stdOffset = ZoneOffset.ofTotalSeconds(-west);
            if (!c.more()) {
                return new PosixTz(std, stdOffset, null, null, null, null);
            }
            String dst = name(c);
            if (dst.isEmpty()) {
                return null;
            }
            ZoneOffset dstOffset = ZoneOffset.ofTotalSeconds(stdOffset.getTotalSeconds() + 3600);
            if (c.more() && c.peek() != ',') {
                Integer dstWest = seconds(c, true);
                if (dstWest == null) {
                    return null;
                }
                dstOffset = ZoneOffset.ofTotalSeconds(-dstWest);
            }
            Cursor rules = c.more() ? c : new Cursor(",M3.2.0,M11.1.0");
            if (rules.peek() != ',') {
                return null;
            }
            rules.pos++;
            ZoneOffsetTransitionRule start = rule(rules, stdOffset, stdOffset, dstOffset);
            if (start == null || !rules.more() || rules.peek() != ',') {
                return null;
            }
            rules.pos++;
            ZoneOffsetTransitionRule end = rule(rules, stdOffset, dstOffset, stdOffset);
            if (end == null || rules.more()) {
                return null;
            }
            return new PosixTz(std, stdOffset, dst, dstOffset, start, end);
        } catch (DateTimeException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    ZoneRules rules() {
        if (start == null) {
            return standard.getRules();
        }
        List<ZoneOffsetTransitionRule> last = new ArrayList<>(List.of(start, end));
        // Within a year the rules must come in calendar order (southern zones end before they start).
        last.sort(Comparator.comparing((ZoneOffsetTransitionRule r) -> r.getMonth())
                .thenComparingInt(ZoneOffsetTransitionRule::getDayOfMonthIndicator));
        // One year of explicit transitions lets the rules apply to every later year.
        List<ZoneOffsetTransition> first = new ArrayList<>();
        for (ZoneOffsetTransitionRule r : last) {
            first.add(r.createTransition(1));
        }
        ZoneOffset initial = last.get(0).getOffsetBefore();
        return ZoneRules.of(standard, initial, List.of(), first, last);
    }

    /** {@code <...>} or a run of letters (possibly empty, as PostgreSQL allows for the standard name). */
    private static String name(Cursor c) {
        if (c.more() && c.peek() == '<') {
            int close = c.s.indexOf('>', c.pos);
            String n = c.s.substring(c.pos + 1, close);
            c.pos = close + 1;
            return n;
        }
        int from = c.pos;
        while (c.more() && Character.isLetter(c.peek())) {
            c.pos++;
        }
        return c.s.substring(from, c.pos);
    }

    /** {@code [+-]hh[:mm[:ss]]} in seconds (an offset: west positive; a rule time: after midnight). */
    private static Integer seconds(Cursor c, boolean signed) {
        int sign = 1;
        if (signed && c.more() && (c.peek() == '+' || c.peek() == '-')) {
            sign = c.peek() == '-' ? -1 : 1;
            c.pos++;
        }
        int total = 0;
        for (int part = 0; part < 3; part++) {
            if (part > 0) {
                if (!c.more() || c.peek() != ':') {
                    break;
                }
                c.pos++;
            }
            int from = c.pos;
            while (c.more() && Character.isDigit(c.peek())) {
                c.pos++;
            }
            if (c.pos == from || c.pos - from > 3) {
                return null;
            }
            int v = Integer.parseInt(c.s.substring(from, c.pos));
            total += v * (part == 0 ? 3600 : part == 1 ? 60 : 1);
        }
        return sign * total;
    }

    private static ZoneOffsetTransitionRule rule(Cursor c, ZoneOffset std, ZoneOffset before, ZoneOffset after) {
        Month month;
        int dayIndicator;
        DayOfWeek dow;
        if (c.peek() == 'M') {
            c.pos++;
            int m = number(c);
            expect(c, '.');
            int week = number(c);
            expect(c, '.');
            int d = number(c);
            if (week < 1 || week > 5 || d > 6) {
                return null;
            }
            month = Month.of(m);
            dayIndicator = week == 5 ? -1 : 1 + (week - 1) * 7;
            dow = DayOfWeek.of(d == 0 ? 7 : d);
        } else if (c.peek() == 'J') {
            c.pos++;
            // Julian day 1..365, February 29 never counted: a fixed month and day.
            LocalDate d = LocalDate.ofYearDay(2001, number(c));
            month = d.getMonth();
            dayIndicator = d.getDayOfMonth();
            dow = null;
        } else {
            return null;
        }
        int time = 7200;
        if (c.more() && c.peek() == '/') {
            c.pos++;
            Integer t = seconds(c, true);
            if (t == null || t < 0 || t > 86_400) {
                return null;
            }
            time = t;
        }
        boolean endOfDay = time == 86_400;
        return ZoneOffsetTransitionRule.of(month, dayIndicator, dow, endOfDay ? LocalTime.MIDNIGHT
                : LocalTime.ofSecondOfDay(time), endOfDay, TimeDefinition.WALL, std, before, after);
    }

    private static int number(Cursor c) {
        int from = c.pos;
        while (c.more() && Character.isDigit(c.peek())) {
            c.pos++;
        }
        return Integer.parseInt(c.s.substring(from, c.pos));
    }

    private static void expect(Cursor c, char ch) {
        if (c.peek() != ch) {
            throw new NumberFormatException();
        }
        c.pos++;
    }
}
