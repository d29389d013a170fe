package io.tusk.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.Locale;

/**
 * The JDBC scalar functions of {@code {fn name(args)}} (JDBC 4.3 spec, appendix C) written as
 * PostgreSQL SQL, with the same translations as pgjdbc's {@code EscapedFunctions2}. A function
 * not named here is sent as written ({@code {fn abs(x)}} is {@code abs(x)}): PostgreSQL has most
 * of appendix C under the same name, and the server reports one it lacks.
 */
final class JdbcFunctions {
    private static final String TSI = "SQL_TSI_";

    private JdbcFunctions() {
    }

    /** Appends the translation of {@code name(args)} to {@code out}. */
    static void append(StringBuilder out, String name, List<String> args) throws SQLException {
        switch (name.toLowerCase(Locale.ROOT)) {
            // numeric
            case "ceiling" -> one(out, name, "ceil(", args, ")");
            case "log" -> one(out, name, "ln(", args, ")");
            case "log10" -> one(out, name, "log(", args, ")");
            case "power" -> two(out, name, "pow(", args, ",", ")");
            case "truncate" -> two(out, name, "trunc(", args, ",", ")");
            case "rand" -> none(out, name, "random()", args);
            // string
            case "char" -> one(out, name, "chr(", args, ")");
            case "concat" -> join(out, "(", args, "||", ")");
            case "insert" -> {
                arity(name, args, 4, 4);
                out.append("overlay(").append(args.get(0)).append(" placing ").append(args.get(3))
                        .append(" from ").append(args.get(1)).append(" for ").append(args.get(2)).append(')');
            }
            case "lcase" -> one(out, name, "lower(", args, ")");
            case "ucase" -> one(out, name, "upper(", args, ")");
            case "left" -> two(out, name, "substring(", args, " for ", ")");
            case "right" -> {
                arity(name, args, 2, 2);
                out.append("substring(").append(args.get(0)).append(" from (length(").append(args.get(0))
                        .append(")+1-").append(args.get(1)).append("))");
            }
            // JDBC's LENGTH ignores trailing blanks (appendix C.2)
            case "length" -> one(out, name, "length(trim(trailing from ", args, "))");
            case "locate" -> locate(out, args);
            case "ltrim" -> one(out, name, "trim(leading from ", args, ")");
            case "rtrim" -> one(out, name, "trim(trailing from ", args, ")");
            case "space" -> one(out, name, "repeat(' ',", args, ")");
            case "substring" -> {
                arity(name, args, 2, 3);
                join(out, "substr(", args, ",", ")");
            }
            // date and time
            case "curdate" -> none(out, name, "current_date", args);
            case "curtime" -> none(out, name, "current_time", args);
            case "now" -> none(out, name, "now()", args);
            case "dayname" -> one(out, name, "to_char(", args, ",'Day')");
            case "dayofmonth" -> one(out, name, "extract(day from ", args, ")");
            // JDBC counts Sunday as 1, extract(dow) as 0
            case "dayofweek" -> one(out, name, "extract(dow from ", args, ")+1");
            case "dayofyear" -> one(out, name, "extract(doy from ", args, ")");
            case "hour" -> one(out, name, "extract(hour from ", args, ")");
            case "minute" -> one(out, name, "extract(minute from ", args, ")");
            case "month" -> one(out, name, "extract(month from ", args, ")");
            case "monthname" -> one(out, name, "to_char(", args, ",'Month')");
            case "quarter" -> one(out, name, "extract(quarter from ", args, ")");
            case "second" -> one(out, name, "extract(second from ", args, ")");
            case "week" -> one(out, name, "extract(week from ", args, ")");
            case "year" -> one(out, name, "extract(year from ", args, ")");
            case "timestampadd" -> timestampAdd(out, args);
            case "timestampdiff" -> timestampDiff(out, args);
            // system
            case "database" -> none(out, name, "current_database()", args);
            case "ifnull" -> two(out, name, "coalesce(", args, ",", ")");
            case "user" -> none(out, name, "user", args);
            default -> join(out, name + "(", args, ",", ")");
        }
    }

    private static void locate(StringBuilder out, List<String> args) throws SQLException {
        arity("locate", args, 2, 3);
        if (args.size() == 2) {
            join(out, "position(", args, " in ", ")");
            return;
        }
        // LOCATE(needle, haystack, start): the 1-based place in haystack, 0 when absent
        String found = "position(" + args.get(0) + " in substring(" + args.get(1) + " from " + args.get(2) + "))";
        out.append('(').append(args.get(2)).append("*sign(").append(found).append(")+").append(found).append(')');
    }

    private static void timestampAdd(StringBuilder out, List<String> args) throws SQLException {
        arity("timestampadd", args, 3, 3);
        String unit = unit("timestampadd", args.get(0));
        String count = args.get(1);
        out.append('(');
        switch (unit) {
            case "QUARTER" -> out.append("CAST((").append(count).append("::int * 3) || ' month' as interval)");
            case "DAY", "SECOND", "HOUR", "MINUTE", "MONTH", "WEEK", "YEAR" ->
                    out.append("CAST(").append(count).append("||' ").append(unit.toLowerCase(Locale.ROOT))
                            .append("' as interval)");
            default -> throw unsupportedUnit("timestampadd", args.get(0));
        }
        out.append('+').append(args.get(2)).append(')');
    }

    private static void timestampDiff(StringBuilder out, List<String> args) throws SQLException {
        arity("timestampdiff", args, 3, 3);
        String unit = unit("timestampdiff", args.get(0));
        // extract() of an interval gives one field, so only the units an interval keeps apart
        // from the others (days, hours, minutes, seconds) give a true difference.
        switch (unit) {
            case "DAY", "SECOND", "HOUR", "MINUTE" -> out.append("extract( ").append(unit.toLowerCase(Locale.ROOT))
                    .append(" from (").append(args.get(2)).append('-').append(args.get(1)).append("))");
            default -> throw unsupportedUnit("timestampdiff", args.get(0));
        }
    }

    private static String unit(String function, String arg) throws SQLException {
        String u = arg.trim();
        if (!u.regionMatches(true, 0, TSI, 0, TSI.length())) {
            throw new SQLSyntaxErrorException("{fn " + function + "(" + u + ", ...)}: the interval must be one of "
                    + "SQL_TSI_SECOND, SQL_TSI_MINUTE, SQL_TSI_HOUR, SQL_TSI_DAY, SQL_TSI_WEEK, SQL_TSI_MONTH, "
                    + "SQL_TSI_QUARTER, SQL_TSI_YEAR", "42601");
        }
        return u.substring(TSI.length()).toUpperCase(Locale.ROOT);
    }

    private static SQLException unsupportedUnit(String function, String arg) {
        String u = arg.trim();
        if (u.equalsIgnoreCase("SQL_TSI_FRAC_SECOND")) {
            return new SQLFeatureNotSupportedException("{fn " + function + "(SQL_TSI_FRAC_SECOND, ...)} is not "
                    + "supported: JDBC gives the fractional second no portable size; use SQL_TSI_SECOND with a "
                    + "fractional count (PostgreSQL keeps microseconds)", "0A000");
        }
        return new SQLFeatureNotSupportedException("{fn " + function + "(" + u + ", ...)} is not supported: "
                + (function.equals("timestampdiff") ? "use SQL_TSI_SECOND, SQL_TSI_MINUTE, SQL_TSI_HOUR or SQL_TSI_DAY"
                        : "use SQL_TSI_SECOND, _MINUTE, _HOUR, _DAY, _WEEK, _MONTH, _QUARTER or _YEAR"), "0A000");
    }

    private static void none(StringBuilder out, String name, String sql, List<String> args) throws SQLException {
        arity(name, args, 0, 0);
        out.append(sql);
    }

    private static void one(StringBuilder out, String name, String open, List<String> args, String close)
            throws SQLException {
        arity(name, args, 1, 1);
        out.append(open).append(args.get(0)).append(close);
    }

    private static void two(StringBuilder out, String name, String open, List<String> args, String sep,
            String close) throws SQLException {
        arity(name, args, 2, 2);
        join(out, open, args, sep, close);
    }

    private static void join(StringBuilder out, String open, List<String> args, String sep, String close) {
        out.append(open);
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(sep);
            }
            out.append(args.get(i));
        }
        out.append(close);
    }

    private static void arity(String name, List<String> args, int min, int max) throws SQLException {
        int n = args.size();
        if (n < min || n > max) {
            String wanted = min == max ? (min == 0 ? "no argument" : min + (min == 1 ? " argument" : " arguments"))
                    : min + " or " + max + " arguments";
            throw new SQLSyntaxErrorException("{fn " + name + "(...)} takes " + wanted + ", not " + n, "42601");
        }
    }
}
