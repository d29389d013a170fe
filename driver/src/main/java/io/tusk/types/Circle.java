package io.tusk.types;

import java.util.Objects;

/**
 * A PostgreSQL {@code circle}: a center and a radius, written {@code <(x,y),r>}.
 *
 * <pre>{@code
 * Circle c = new Circle(new Point(0, 0), 2);
 * conn.execute("SELECT area(%s)", c);   // 12.566...
 * }</pre>
 */
public record Circle(Point center, double radius) {
    public Circle {
        Objects.requireNonNull(center, "center");
        if (radius < 0) {
            throw new IllegalArgumentException("invalid circle: radius " + radius + " is negative");
        }
    }

    @Override
    public String toString() {
        return "<" + center + "," + Geometry.num(radius) + ">";
    }
}
