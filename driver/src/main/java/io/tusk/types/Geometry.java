package io.tusk.types;

import java.util.List;

/** Text forms shared by the geometric records, as float8in reads them back exactly. */
final class Geometry {
    private Geometry() {
    }

    /** Shortest exact decimal (Java's Double.toString); NaN and Infinity spelled as float8in reads them. */
    static String num(double d) {
        if (d == (long) d && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    static String points(List<Point> points, char open, char close) {
        StringBuilder b = new StringBuilder().append(open);
        for (int i = 0; i < points.size(); i++) {
            b.append(i == 0 ? "" : ",").append(points.get(i));
        }
        return b.append(close).toString();
    }
}
