package io.tusk.types;

/**
 * A PostgreSQL {@code line}: the infinite line {@code Ax + By + C = 0}, written {@code {A,B,C}}.
 *
 * <pre>{@code
 * Line horizontal = new Line(0, 1, -2);   // y = 2
 * }</pre>
 */
public record Line(double a, double b, double c) {
    public Line {
        if (a == 0 && b == 0) {
            throw new IllegalArgumentException("invalid line: A and B cannot both be zero");
        }
    }

    @Override
    public String toString() {
        return "{" + Geometry.num(a) + "," + Geometry.num(b) + "," + Geometry.num(c) + "}";
    }
}
