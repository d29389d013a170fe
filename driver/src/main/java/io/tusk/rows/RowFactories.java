package io.tusk.rows;

import io.tusk.Column;
import io.tusk.errors.ProgrammingException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ready-made row factories: psycopg's {@code psycopg.rows} ({@code tuple_row},
 * {@code dict_row}, {@code class_row}, {@code scalar_row}, ...).
 *
 * <pre>{@code
 * record Person(int id, String name) {}
 * List<Person> people = conn.cursor(RowFactories.records(Person.class))
 *         .execute("SELECT id, name FROM person").fetchall();
 * Long n = conn.cursor(RowFactories.<Long>scalar()).execute("SELECT count(*) FROM person").fetchone();
 * }</pre>
 */
public final class RowFactories {
    private RowFactories() {
    }

    /** {@link Row}: by position and by name, with typed getters (the default of {@code conn.cursor()}). */
    public static RowFactory<Row> rows() {
        return columns -> {
            ColumnIndex index = ColumnIndex.of(columns);
            return values -> new TupleRow(values, index);
        };
    }

    /** The values as an {@code Object[]} (psycopg's {@code tuple_row}). */
    public static RowFactory<Object[]> arrays() {
        return columns -> values -> values;
    }

    /** A {@link LinkedHashMap} from column name to value, in column order (psycopg's {@code dict_row}). */
    public static RowFactory<Map<String, Object>> maps() {
        return columns -> {
            String[] names = columns.stream().map(Column::name).toArray(String[]::new);
            return values -> {
                Map<String, Object> m = new LinkedHashMap<>(names.length * 2);
                for (int i = 0; i < names.length; i++) {
                    m.put(names[i], values[i]);
                }
                return m;
            };
        };
    }

    /** The value of the first column (psycopg's {@code scalar_row}). */
    @SuppressWarnings("unchecked")
    public static <T> RowFactory<T> scalar() {
        return columns -> {
            if (columns.isEmpty()) {
                throw new ProgrammingException("scalar rows need at least one column; the result has none");
            }
            return values -> (T) values[0];
        };
    }

    /** Whatever {@code function} makes of the values (psycopg's {@code args_row}). */
    public static <R> RowFactory<R> function(Function<Object[], R> function) {
        return columns -> function::apply;
    }

    /**
     * A Java record per row, each component taken from the column of the same name (or, failing
     * that, the same name ignoring case and underscores: {@code first_name} fills
     * {@code firstName}), converted as {@link Row#get(int, Class)} does (psycopg's
     * {@code class_row}). Columns no component asks for are ignored; a component without a
     * column is an error naming it.
     */
    public static <R extends Record> RowFactory<R> records(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName() + ": " + e, e);
        }
        return columns -> {
            ColumnIndex index = ColumnIndex.of(columns);
            int[] from = new int[components.length];
            for (int i = 0; i < components.length; i++) {
                from[i] = index.match(components[i].getName());
                if (from[i] < 0) {
                    throw new ProgrammingException("record " + type.getSimpleName() + " needs a column for its component '"
                            + components[i].getName() + "' but the result has only " + index.names()
                            + ": add it to the select list or alias a column AS " + components[i].getName());
                }
            }
            return values -> {
                Object[] args = new Object[from.length];
                for (int i = 0; i < from.length; i++) {
                    args[i] = value(values[from[i]], types[i], columns.get(from[i]).name(), type, components[i].getName());
                }
                return construct(constructor, args);
            };
        };
    }

    /**
     * An instance of a class per row: made with its no-argument constructor, then each column
     * stored in the field of the same name (or the same name ignoring case and underscores),
     * converted as {@link Row#get(int, Class)} does. A column with no field is an error naming
     * it (psycopg's {@code class_row} passes every column as a keyword argument).
     */
    public static <R> RowFactory<R> classes(Class<R> type) {
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no constructor without arguments: add one, or make it a"
                    + " record and use RowFactories.records", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot use the constructor of " + type.getName() + ": " + e, e);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    fields.add(f);
                }
            }
        }
        return columns -> {
            Field[] target = new Field[columns.size()];
            for (int c = 0; c < target.length; c++) {
                target[c] = fieldFor(fields, columns.get(c).name());
                if (target[c] == null) {
                    throw new ProgrammingException("class " + type.getSimpleName() + " has no field for the column '"
                            + columns.get(c).name() + "': add a field of that name or leave the column out of the select list");
                }
                target[c].setAccessible(true);
            }
            return values -> {
                R out = construct(constructor, new Object[0]);
                for (int c = 0; c < target.length; c++) {
                    Object v = value(values[c], target[c].getType(), columns.get(c).name(), type, target[c].getName());
                    try {
                        target[c].set(out, v);
                    } catch (IllegalAccessException e) {
                        throw new IllegalArgumentException("cannot set field " + target[c] + ": " + e.getMessage(), e);
                    }
                }
                return out;
            };
        };
    }

    private static Field fieldFor(List<Field> fields, String column) {
        for (Field f : fields) {
            if (f.getName().equals(column)) {
                return f;
            }
        }
        String folded = ColumnIndex.fold(column);
        for (Field f : fields) {
            if (ColumnIndex.fold(f.getName()).equals(folded)) {
                return f;
            }
        }
        return null;
    }

    private static Object value(Object v, Class<?> type, String column, Class<?> owner, String member) {
        Object out = Conversions.convert(v, type, column);
        if (out == null && type.isPrimitive()) {
            throw new ProgrammingException("column '" + column + "' is NULL but " + owner.getSimpleName() + "." + member
                    + " is a primitive " + type.getName() + ": declare it as " + Conversions.boxed(type).getSimpleName());
        }
        return out;
    }

    private static <R> R construct(Constructor<R> constructor, Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the constructor of " + constructor.getDeclaringClass().getName() + " failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot call " + constructor + ": " + e.getMessage(), e);
        }
    }
}
