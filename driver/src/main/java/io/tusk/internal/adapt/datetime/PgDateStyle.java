package io.tusk.internal.adapt.datetime;

/**
 * The session's {@code DateStyle} as the server reports it in ParameterStatus (a GUC_REPORT
 * setting, always shown canonically as {@code "<style>, <order>"}, e.g. {@code "SQL, DMY"}).
 * Only the output style and whether the day comes before the month matter for reading values:
 * PostgreSQL's {@code EncodeDateOnly}/{@code EncodeDateTime} (datetime.c) put the day first in
 * the SQL and Postgres styles only when the order is DMY (YMD prints as MDY there), German is
 * always day first, ISO never depends on the order.
 */
record PgDateStyle(Style style, boolean dayFirst, String shown) {
    enum Style { ISO, SQL, POSTGRES, GERMAN }

    static final PgDateStyle ISO = new PgDateStyle(Style.ISO, false, "ISO, MDY");

    static PgDateStyle of(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            return ISO;
        }
        String p = parameter.trim().toUpperCase(java.util.Locale.ROOT);
        Style style;
        if (p.startsWith("ISO")) {
            style = Style.ISO;
        } else if (p.startsWith("SQL")) {
            style = Style.SQL;
        } else if (p.startsWith("POSTGRES")) {
            style = Style.POSTGRES;
        } else if (p.startsWith("GERMAN")) {
            style = Style.GERMAN;
        } else {
            style = Style.ISO;
        }
        return new PgDateStyle(style, style == Style.GERMAN || p.contains("DMY"), parameter);
    }
}
