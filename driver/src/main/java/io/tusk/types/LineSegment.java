package io.tusk.types;

import java.util.Objects;

/**
 * A PostgreSQL {@code lseg}: the line segment between two points, written {@code [(x1,y1),(x2,y2)]}.
 *
 * <pre>{@code
 * LineSegment s = new LineSegment(new Point(0, 0), new Point(3, 4));
 * conn.execute("SELECT length(%s)", s);   // 5
 * }</pre>
 */
public record LineSegment(Point start, Point end) {
    public LineSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    @Override
    public String toString() {
        return "[" + start + "," + end + "]";
    }
}
