package io.tusk.rows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Map;

/**
 * The simple, lossless conversions behind {@link Row#get(int, Class)} and the record and class
 * row factories: a value loaded as one Java type read as another (an {@code int8} as Integer
 * when it fits, a text column holding digits as Long, ...). Types the loaders produce already
 * pass through untouched.
 */
final class Conversions {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class,
            boolean.class, Boolean.class, char.class, Character.class);

    private Conversions() {
    }

    static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    @SuppressWarnings("unchecked")
    static <T> T convert(Object value, Class<T> type, String column) {
        if (value == null) {
            return null;
        }
        Class<?> target = boxed(type);
        if (target.isInstance(value)) {
            return (T) value;
        }
        try {
            Object out = convertOrNull(value, target);
            if (out != null) {
                return (T) out;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ClassCastException("column \"" + column + "\": the value " + shortText(value) + " cannot be read as "
                    + type.getSimpleName() + " (" + e.getMessage() + ")");
        }
        throw new ClassCastException("column \"" + column + "\" holds a " + value.getClass().getName()
                + ", which cannot be read as " + type.getName() + ": read it as " + value.getClass().getSimpleName()
                + " or register a loader for the column's type");
    }

    private static Object convertOrNull(Object v, Class<?> t) {
        if (t == String.class) {
            return v instanceof byte[] b ? "\\x" + HexFormat.of().formatHex(b) : v.toString();
        }
        if (t == Boolean.class) {
            if (v instanceof String s) {
                return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "t", "true", "yes", "on", "1" -> Boolean.TRUE;
                    case "f", "false", "no", "off", "0" -> Boolean.FALSE;
                    default -> throw new NumberFormatException("not a boolean: " + shortText(s));
                };
            }
            return null;
        }
        if (t == Double.class) {
            return v instanceof Number n ? (Object) n.doubleValue() : v instanceof String s ? Double.valueOf(s.trim()) : null;
        }
        if (t == Float.class) {
            return v instanceof Number n ? (Object) n.floatValue() : v instanceof String s ? Float.valueOf(s.trim()) : null;
        }
        BigDecimal d = decimalOf(v);
        if (d == null) {
            return null;
        }
        if (t == Integer.class) {
            return d.intValueExact();
        }
        if (t == Long.class) {
            return d.longValueExact();
        }
        if (t == Short.class) {
            return d.shortValueExact();
        }
        if (t == Byte.class) {
            return d.byteValueExact();
        }
        if (t == BigInteger.class) {
            return d.toBigIntegerExact();
        }
        if (t == BigDecimal.class) {
            return d;
        }
        return null;
    }

    /** The exact decimal value of a number or numeric text; null when it is neither. */
    private static BigDecimal decimalOf(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("NaN") || t.endsWith("Infinity") || t.endsWith("inf")) {
                return null;
            }
            return new BigDecimal(t);
        }
        return null;
    }

    private static String shortText(Object v) {
        String s = String.valueOf(v);
        return '"' + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + '"';
    }
}
