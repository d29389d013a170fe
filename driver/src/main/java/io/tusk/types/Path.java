package io.tusk.types;

import java.util.List;

/**
 * A PostgreSQL {@code path}: connected points, open ({@code [(0,0),(1,1)]}) or closed
 * ({@code ((0,0),(1,1),(1,0))}, the last point joined to the first).
 *
 * <pre>{@code
 * Path p = Path.open(List.of(new Point(0, 0), new Point(3, 4)));
 * conn.execute("SELECT length(%s)", p);   // 5
 * }</pre>
 */
public record Path(List<Point> points, boolean closed) {
    public Path {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one point");
        }
    }

    public static Path open(List<Point> points) {
        return new Path(points, false);
    }

    public static Path closed(List<Point> points) {
        return new Path(points, true);
    }

    @Override
    public String toString() {
        return Geometry.points(points, closed ? '(' : '[', closed ? ')' : ']');
    }
}
