package io.tusk.internal.adapt.datetime;

import io.tusk.errors.DataException;
import io.tusk.types.Interval;

/**
 * interval text in the IntervalStyles other than {@code postgres} (which
 * {@link IntervalAdapters#parse} reads), as PostgreSQL's EncodeInterval (datetime.c) writes them:
 * <ul>
 * <li>{@code postgres_verbose}: {@code @ 1 year 2 mons -3 days 4 hours 5 mins 6.5 secs ago}; the
 * first non-zero part carries the sign of the whole and {@code ago} negates everything;</li>
 * <li>{@code sql_standard}: {@code 1-2}, {@code -3 4:05:06.5}, {@code 4:05:06}, {@code 0}, or, when
 * signs are mixed or years/months come with days/time, {@code +1-2 -3 +4:05:06} (a sign on each
 * of the three fields; the year–month sign covers the months too);</li>
 * <li>{@code iso_8601}: {@code P1Y2M-3DT4H5M6.5S}, each part signed, {@code PT0S} for zero.</li>
 * </ul>
 * The time parts are summed negatively (and negated at the end) so that the most negative
 * interval time, -2562047788:00:54.775808, fits in a long.
 */
final class IntervalText {
    private final String s;
    private final String style;
    private long months;
    private long days;
    /** Minus the microseconds read so far. */
    private long negMicros;

    private IntervalText(String s, String style) {
        this.s = s;
        this.style = style;
    }

    static Interval parse(String s, String style) {
        IntervalText p = new IntervalText(s, style);
        try {
            boolean negate = switch (style) {
                case "postgres_verbose" -> p.verbose();
                case "sql_standard" -> p.sqlStandard();
                case "iso_8601" -> p.iso();
                default -> throw p.bad();
            };
            long micros = negate ? p.negMicros : Math.negateExact(p.negMicros);
            long m = negate ? -p.months : p.months;
            long d = negate ? -p.days : p.days;
            return Interval.of(Math.toIntExact(unwrapped(m)), Math.toIntExact(unwrapped(d)), micros);
        } catch (NumberFormatException | ArithmeticException | IndexOutOfBoundsException e) {
            throw p.bad();
        }
    }

    /**
     * PostgreSQL before 17 printed -2147483648 days through a C {@code abs()} that leaves it
     * negative ({@code @ -2147483648 days ago}, {@code --2147483648 0:00:00}): negated again it
     * reads as 2147483648, which can only have been that.
     */
    private static long unwrapped(long v) {
        return v == 1L + Integer.MAX_VALUE ? Integer.MIN_VALUE : v;
    }

    /** Returns true when the whole interval is negated ({@code ago}). */
    private boolean verbose() {
        String[] t = s.split(" ");
        if (!t[0].equals("@")) {
            throw bad();
        }
        boolean ago = false;
        int i = 1;
        while (i < t.length) {
            if (t[i].equals("ago") && i == t.length - 1) {
                ago = true;
                i++;
                continue;
            }
            if (t[i].equals("0") && t.length == 2) {
                return false;
            }
            String n = t[i];
            String unit = t[i + 1];
            i += 2;
            if (unit.startsWith("year")) {
                months = Math.addExact(months, Math.multiplyExact(Long.parseLong(n), 12));
            } else if (unit.startsWith("mon")) {
                months = Math.addExact(months, Long.parseLong(n));
            } else if (unit.startsWith("day")) {
                days = Math.addExact(days, Long.parseLong(n));
            } else if (unit.startsWith("hour")) {
                subtract(Math.multiplyExact(Long.parseLong(n), 3_600_000_000L));
            } else if (unit.startsWith("min")) {
                subtract(Math.multiplyExact(Long.parseLong(n), 60_000_000L));
            } else if (unit.startsWith("sec")) {
                seconds(n);
            } else {
                throw bad();
            }
        }
        return ago;
    }

    /** Returns true when a single leading minus covers the whole interval. */
    private boolean sqlStandard() {
        if (s.equals("0")) {
            return false;
        }
        String[] t = s.split(" ");
        if (t.length == 3) {
            yearMonth(signed(t[0]));
            // "--2147483648": a minus sign, then PostgreSQL 13-16's abs() of INT_MIN (see unwrapped).
            days = t[1].startsWith("--") ? Integer.MIN_VALUE : Long.parseLong(signed(t[1]));
            time(t[2]);
            return false;
        }
        boolean negative = s.charAt(0) == '-';
        String body = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1) : s;
        t = body.split(" ");
        if (t.length == 2) {
            days = Long.parseLong(t[0]);
            time(t[1]);
        } else if (body.indexOf(':') >= 0) {
            time(body);
        } else {
            yearMonth(body);
        }
        return negative;
    }

    /** {@code Y-M} with an optional sign for both. */
    private void yearMonth(String ym) {
        boolean neg = ym.charAt(0) == '-';
        String body = neg || ym.charAt(0) == '+' ? ym.substring(1) : ym;
        int dash = body.indexOf('-');
        long total = Math.addExact(Math.multiplyExact(Long.parseLong(body.substring(0, dash)), 12),
                Long.parseLong(body.substring(dash + 1)));
        months = neg ? -total : total;
    }

    private static String signed(String field) {
        if (field.charAt(0) != '-' && field.charAt(0) != '+') {
            throw new NumberFormatException();
        }
        return field;
    }

    /** {@code [+-]H:MM:SS[.f]}. */
    private void time(String t) {
        boolean neg = t.charAt(0) == '-';
        String body = neg || t.charAt(0) == '+' ? t.substring(1) : t;
        String[] hms = body.split(":");
        if (hms.length != 3) {
            throw new NumberFormatException();
        }
        long before = negMicros;
        negMicros = 0;
        subtract(Math.multiplyExact(Long.parseLong(hms[0]), 3_600_000_000L));
        subtract(Long.parseLong(hms[1]) * 60_000_000L);
        seconds(hms[2]);
        negMicros = Math.addExact(before, neg ? Math.negateExact(negMicros) : negMicros);
    }

    private boolean iso() {
        if (s.charAt(0) != 'P') {
            throw bad();
        }
        boolean inTime = false;
        int pos = 1;
        while (pos < s.length()) {
            if (s.charAt(pos) == 'T') {
                inTime = true;
                pos++;
                continue;
            }
            int from = pos;
            while (pos < s.length() && "+-.0123456789".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String n = s.substring(from, pos);
            char unit = s.charAt(pos++);
            switch (unit) {
                case 'Y' -> months = Math.addExact(months, Math.multiplyExact(Long.parseLong(n), 12));
                case 'M' -> {
                    if (inTime) {
                        subtract(Math.multiplyExact(Long.parseLong(n), 60_000_000L));
                    } else {
                        months = Math.addExact(months, Long.parseLong(n));
                    }
                }
                case 'W' -> days = Math.addExact(days, Math.multiplyExact(Long.parseLong(n), 7));
                case 'D' -> days = Math.addExact(days, Long.parseLong(n));
                case 'H' -> subtract(Math.multiplyExact(Long.parseLong(n), 3_600_000_000L));
                case 'S' -> seconds(n);
                default -> throw bad();
            }
        }
        return false;
    }

    /** Adds {@code [+-]S[.ffffff]} seconds (digits beyond microseconds are dropped). */
    private void seconds(String n) {
        boolean neg = n.charAt(0) == '-';
        String body = neg || n.charAt(0) == '+' ? n.substring(1) : n;
        int dot = body.indexOf('.');
        String whole = dot < 0 ? body : body.substring(0, dot);
        long us = Math.multiplyExact(Long.parseLong(whole), 1_000_000L);
        if (dot >= 0) {
            String frac = (body.substring(dot + 1) + "000000").substring(0, 6);
            us += Long.parseLong(frac);
        }
        if (neg) {
            negMicros = Math.addExact(negMicros, us);
        } else {
            subtract(us);
        }
    }

    private void subtract(long us) {
        negMicros = Math.subtractExact(negMicros, us);
    }

    private DataException bad() {
        return new DataException("cannot load interval value '" + s + "': not in the text form of IntervalStyle '"
                + style + "' (request binary results, or set IntervalStyle to 'postgres', the default)");
    }
}
