package io.tusk;

/**
 * The description of one result column: DB-API's 7-item column description (psycopg's
 * {@code Column}): name, type code, display size, internal size, precision, scale, null_ok —
 * plus the type's name as the server shows it.
 */
public record Column(
        String name,
        int typeOid,
        String typeDisplay,
        Integer displaySize,
        Integer internalSize,
        Integer precision,
        Integer scale,
        Boolean nullOk,
        int tableOid,
        int tableColumn,
        int typeModifier,
        int format) {
}
