package io.tusk.internal.adapt.composite;

import io.tusk.adapt.CompositeInfo;
import io.tusk.errors.DataException;
import io.tusk.errors.ProgrammingException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Java record ⟷ a composite type's fields, matched by name ignoring case and underscores
 * ({@code first_name} ⟷ {@code firstName}); every field needs a component and every component
 * a field. Integer values are narrowed or widened to the component's type when they fit.
 */
final class RecordMapping<R extends Record> {
    private final Class<R> type;
    private final CompositeInfo info;
    private final RecordComponent[] components;
    private final int[] fieldOfComponent;
    private final Constructor<R> constructor;

    RecordMapping(Class<R> type, CompositeInfo info) {
        this.type = type;
        this.info = info;
        this.components = type.getRecordComponents();
        List<String> fields = info.fieldNames();
        if (components.length != fields.size()) {
            throw new ProgrammingException("record " + type.getName() + " has " + components.length
                    + " components but composite " + info.regtype() + " has the fields " + fields);
        }
        fieldOfComponent = new int[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            types[c] = components[c].getType();
            fieldOfComponent[c] = -1;
            for (int f = 0; f < fields.size(); f++) {
                if (key(fields.get(f)).equals(key(components[c].getName()))) {
                    fieldOfComponent[c] = f;
                }
            }
            if (fieldOfComponent[c] < 0) {
                throw new ProgrammingException("record component " + type.getName() + "." + components[c].getName()
                        + " matches no field of composite " + info.regtype() + " (fields: " + fields + ")");
            }
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ProgrammingException("cannot use the canonical constructor of record " + type.getName()
                    + ": make the record accessible (public, or in an open package)", e);
        }
    }

    private static String key(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    R make(List<Object> fieldValues) {
        Object[] args = new Object[components.length];
        for (int c = 0; c < components.length; c++) {
            args[c] = convert(fieldValues.get(fieldOfComponent[c]), components[c]);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new DataException("cannot make a " + type.getName() + " from composite " + info.regtype() + ": "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new DataException("cannot make a " + type.getName() + " from composite " + info.regtype() + ": " + e, e);
        }
    }

    List<Object> values(R record) {
        Object[] out = new Object[components.length];
        for (int c = 0; c < components.length; c++) {
            try {
                var accessor = components[c].getAccessor();
                accessor.setAccessible(true);
                out[fieldOfComponent[c]] = accessor.invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new DataException("cannot read " + type.getName() + "." + components[c].getName() + ": " + e, e);
            }
        }
        List<Object> list = new ArrayList<>(out.length);
        for (Object o : out) {
            list.add(o);
        }
        return list;
    }

    private Object convert(Object v, RecordComponent c) {
        Class<?> t = c.getType();
        if (v == null) {
            if (t.isPrimitive()) {
                throw new DataException("cannot load NULL into " + type.getName() + "." + c.getName() + " of type "
                        + t.getName() + " (composite " + info.regtype() + "): use a boxed type");
            }
            return null;
        }
        if (v instanceof Number n && !(v instanceof BigDecimal) && !t.isInstance(v)) {
            long l = n.longValue();
            if ((t == int.class || t == Integer.class) && l == (int) l) {
                return (int) l;
            }
            if (t == long.class || t == Long.class) {
                return l;
            }
            if ((t == short.class || t == Short.class) && l == (short) l) {
                return (short) l;
            }
            if (t == BigInteger.class) {
                return BigInteger.valueOf(l);
            }
        }
        return v;
    }
}
