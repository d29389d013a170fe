package io.tusk.types;

import java.util.List;

/**
 * A PostgreSQL {@code polygon}: a closed path's points, {@code ((0,0),(1,1),(1,0))}.
 *
 * <pre>{@code
 * Polygon triangle = new Polygon(List.of(new Point(0, 0), new Point(4, 0), new Point(0, 3)));
 * conn.execute("SELECT area(path(%s))", triangle);
 * }</pre>
 */
public record Polygon(List<Point> points) {
    public Polygon {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least one point");
        }
    }

    @Override
    public String toString() {
        return Geometry.points(points, '(', ')');
    }
}
