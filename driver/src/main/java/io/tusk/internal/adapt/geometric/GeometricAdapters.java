package io.tusk.internal.adapt.geometric;

import io.tusk.adapt.AdaptersMap;
import io.tusk.adapt.Format;
import io.tusk.adapt.Loader;
import io.tusk.errors.DataException;
import io.tusk.internal.adapt.Ascii;
import io.tusk.internal.adapt.Bin;
import io.tusk.internal.adapt.Dumpers;
import io.tusk.types.Box;
import io.tusk.types.Circle;
import io.tusk.types.Line;
import io.tusk.types.LineSegment;
import io.tusk.types.Path;
import io.tusk.types.Point;
import io.tusk.types.Polygon;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * point, line, lseg, box, path, polygon and circle (PostgreSQL docs 8.8, {@code utils/adt/geo_ops.c}).
 * Binary forms are float8s in order (box: upper-right corner first; path: a closed flag byte and
 * an int32 count before the points; polygon: an int32 count); text forms are read by taking the
 * numbers in order between the punctuation, which every output style shares.
 */
public final class GeometricAdapters {
    public static final int POINT = 600, LSEG = 601, PATH = 602, BOX = 603, POLYGON = 604, LINE = 628, CIRCLE = 718;

    private GeometricAdapters() {
    }

    public static void register(AdaptersMap m) {
        both(m, Point.class, POINT, GeometricAdapters::pointBytes);
        both(m, Line.class, LINE, l -> floats(l.a(), l.b(), l.c()));
        both(m, LineSegment.class, LSEG, s -> floats(s.start().x(), s.start().y(), s.end().x(), s.end().y()));
        both(m, Box.class, BOX, x -> floats(x.high().x(), x.high().y(), x.low().x(), x.low().y()));
        both(m, Circle.class, CIRCLE, c -> floats(c.center().x(), c.center().y(), c.radius()));
        both(m, Path.class, PATH, p -> {
            byte[] pts = points(p.points());
            byte[] out = new byte[1 + pts.length];
            out[0] = (byte) (p.closed() ? 1 : 0);
            System.arraycopy(pts, 0, out, 1, pts.length);
            return out;
        });
        both(m, Polygon.class, POLYGON, p -> points(p.points()));

        text(m, POINT, "point", (s, d) -> new Point(d[0], d[1]), 2);
        text(m, LINE, "line", (s, d) -> new Line(d[0], d[1], d[2]), 3);
        text(m, LSEG, "lseg", (s, d) -> new LineSegment(new Point(d[0], d[1]), new Point(d[2], d[3])), 4);
        text(m, BOX, "box", (s, d) -> new Box(new Point(d[0], d[1]), new Point(d[2], d[3])), 4);
        text(m, CIRCLE, "circle", (s, d) -> new Circle(new Point(d[0], d[1]), d[2]), 3);
        text(m, PATH, "path", (s, d) -> new Path(pointList(d, 0, d.length / 2), !s.startsWith("[")), -1);
        text(m, POLYGON, "polygon", (s, d) -> new Polygon(pointList(d, 0, d.length / 2)), -1);

        m.registerLoader(POINT, Format.BINARY, fixed("point", 2, d -> new Point(d[0], d[1])));
        m.registerLoader(LINE, Format.BINARY, fixed("line", 3, d -> new Line(d[0], d[1], d[2])));
        m.registerLoader(LSEG, Format.BINARY,
                fixed("lseg", 4, d -> new LineSegment(new Point(d[0], d[1]), new Point(d[2], d[3]))));
        m.registerLoader(BOX, Format.BINARY, fixed("box", 4, d -> new Box(new Point(d[0], d[1]), new Point(d[2], d[3]))));
        m.registerLoader(CIRCLE, Format.BINARY, fixed("circle", 3, d -> new Circle(new Point(d[0], d[1]), d[2])));
        m.registerLoader(PATH, Format.BINARY, (b, off, len) -> {
            int n = count(b, off + 1, len - 1, "path");
            return new Path(pointList(doubles(b, off + 5, 2 * n), 0, n), b[off] != 0);
        });
        m.registerLoader(POLYGON, Format.BINARY, (b, off, len) -> {
            int n = count(b, off, len, "polygon");
            return new Polygon(pointList(doubles(b, off + 4, 2 * n), 0, n));
        });
    }

    private static <T> void both(AdaptersMap m, Class<T> type, int oid, Function<T, byte[]> binary) {
        m.registerDumper(type, Format.TEXT, Dumpers.<T>text(oid, Object::toString));
        m.registerDumper(type, Format.BINARY, Dumpers.binary(oid, binary));
    }

    private interface Maker {
        Object make(String text, double[] numbers);
    }

    /** A text loader expecting {@code count} numbers, or an even number of them (points) when -1. */
    private static void text(AdaptersMap m, int oid, String type, Maker maker, int count) {
        m.registerLoader(oid, Format.TEXT, (b, off, len) -> {
            String s = Ascii.string(b, off, len);
            double[] d;
            try {
                d = numbers(s);
            } catch (NumberFormatException e) {
                throw Ascii.bad(b, off, len, type);
            }
            if (count >= 0 ? d.length != count : d.length == 0 || d.length % 2 != 0) {
                throw Ascii.bad(b, off, len, type);
            }
            try {
                return maker.make(s, d);
            } catch (IllegalArgumentException e) {
                throw Ascii.bad(b, off, len, type);
            }
        });
    }

    /** The numbers of a geometric value's text, in order: everything between ( ) [ ] { } < > , and blanks. */
    static double[] numbers(String s) {
        List<Double> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if ("()[]{}<>, ".indexOf(c) >= 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && "()[]{}<>, ".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            out.add(Double.parseDouble(s.substring(start, i)));
        }
        double[] d = new double[out.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = out.get(k);
        }
        return d;
    }

    private static Loader<Object> fixed(String type, int n, Function<double[], Object> make) {
        return (b, off, len) -> {
            Bin.expectLength(len, 8 * n, type);
            try {
                return make.apply(doubles(b, off, n));
            } catch (IllegalArgumentException e) {
                throw new DataException("cannot load binary " + type + ": " + e.getMessage(), e);
            }
        };
    }

    private static int count(byte[] b, int off, int len, String type) {
        int n = len >= 4 ? Bin.int32(b, off) : -1;
        // path_recv and poly_recv refuse fewer than one point.
        if (n < 1 || len != 4 + 16L * n) {
            throw new DataException("cannot load binary " + type + ": " + len + " bytes do not hold its points");
        }
        return n;
    }

    private static double[] doubles(byte[] b, int off, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Double.longBitsToDouble(Bin.int64(b, off + 8 * i));
        }
        return d;
    }

    private static List<Point> pointList(double[] d, int from, int n) {
        List<Point> pts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pts.add(new Point(d[from + 2 * i], d[from + 2 * i + 1]));
        }
        return pts;
    }

    private static byte[] pointBytes(Point p) {
        return floats(p.x(), p.y());
    }

    private static byte[] floats(double... d) {
        byte[] out = new byte[8 * d.length];
        for (int i = 0; i < d.length; i++) {
            Bin.put64(out, 8 * i, Double.doubleToRawLongBits(d[i]));
        }
        return out;
    }

    private static byte[] points(List<Point> pts) {
        byte[] out = new byte[4 + 16 * pts.size()];
        Bin.put32(out, 0, pts.size());
        for (int i = 0; i < pts.size(); i++) {
            Bin.put64(out, 4 + 16 * i, Double.doubleToRawLongBits(pts.get(i).x()));
            Bin.put64(out, 12 + 16 * i, Double.doubleToRawLongBits(pts.get(i).y()));
        }
        return out;
    }
}
