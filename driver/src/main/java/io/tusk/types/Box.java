package io.tusk.types;

/**
 * A PostgreSQL {@code box}: a rectangle given by two opposite corners, kept as the server keeps
 * it, upper-right corner first ({@code (3,4),(1,2)}): any two corners may be given, the record
 * reorders them so that equal boxes are equal records.
 *
 * <pre>{@code
 * Box b = new Box(new Point(1, 2), new Point(3, 4));
 * b.high();   // (3,4)
 * }</pre>
 */
public record Box(Point high, Point low) {
    public Box {
        Point a = high;
        Point b = low;
        high = new Point(Math.max(a.x(), b.x()), Math.max(a.y(), b.y()));
        low = new Point(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()));
    }

    @Override
    public String toString() {
        return high + "," + low;
    }
}
