package io.tusk.internal.cursor;

import io.tusk.Column;
import io.tusk.internal.protocol.backend.RowDescription;
import java.util.List;

/** Turns a RowDescription into the DB-API column descriptions psycopg's {@code Column} gives. */
public final class Columns {
    private Columns() {
    }

    /** The columns of {@code description}, made once per description (a prepared statement's is reused). */
    public static List<Column> describe(RowDescription description) {
        return description.derived(Columns::build);
    }

    private static ColumnList build(RowDescription description) {
        RowDescription.Field[] fields = description.fields();
        Column[] out = new Column[fields.length];
        int i = 0;
        for (RowDescription.Field f : fields) {
            int oid = f.typeOid();
            int mod = f.typeModifier();
            out[i++] = new Column(f.name(), oid, TypeNames.display(oid, mod), TypeNames.displaySize(oid, mod),
                    f.typeSize() < 0 ? null : f.typeSize(), TypeNames.precision(oid, mod), TypeNames.scale(oid, mod),
                    null, f.tableOid(), f.columnNumber(), mod, f.format());
        }
        return new ColumnList(out);
    }
}
