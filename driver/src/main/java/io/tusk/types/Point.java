package io.tusk.types;

/**
 * A PostgreSQL {@code point}: {@code (x,y)}, two float8. The geometric types (PostgreSQL docs 8.8)
 * are plain records here; psycopg leaves them as strings.
 *
 * <pre>{@code
 * conn.execute("SELECT %s <-> point '(0,0)'", new Point(3, 4)).fetchone().getDouble(0); // 5.0
 * }</pre>
 */
public record Point(double x, double y) {
    @Override
    public String toString() {
        return "(" + Geometry.num(x) + "," + Geometry.num(y) + ")";
    }
}
