package io.tusk.internal.cursor;

import io.tusk.Column;
import io.tusk.internal.protocol.backend.RowDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Turns a RowDescription into the DB-API column descriptions psycopg's {@code Column} gives. */
public final class Columns {
    private Columns() {
    }

    public static List<Column> describe(RowDescription description) {
        RowDescription.Field[] fields = description.fields();
        List<Column> out = new ArrayList<>(fields.length);
        for (RowDescription.Field f : fields) {
            int oid = f.typeOid();
            int mod = f.typeModifier();
            out.add(new Column(f.name(), oid, TypeNames.display(oid, mod), TypeNames.displaySize(oid, mod),
                    f.typeSize() < 0 ? null : f.typeSize(), TypeNames.precision(oid, mod), TypeNames.scale(oid, mod),
                    null, f.tableOid(), f.columnNumber(), mod, f.format()));
        }
        return Collections.unmodifiableList(out);
    }
}
