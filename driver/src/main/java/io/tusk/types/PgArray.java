package io.tusk.types;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * A PostgreSQL array whose subscripts do not start at 1 (PostgreSQL docs 8.15.4,
 * {@code '[0:2]={1,2,3}'}): a List of its elements (nested Lists for several dimensions, as any
 * loaded array) that also knows each dimension's lower bound, as pgjdbc's {@code Array} and
 * {@code array_lower()} do. Arrays whose subscripts start at 1 (the usual case) load as plain
 * Lists; one loaded with other bounds is a PgArray, and dumping it keeps them.
 *
 * <pre>{@code
 * Object v = conn.execute("SELECT '[0:2]={1,2,3}'::int4[]").fetchone().get(0);
 * if (v instanceof PgArray a) {
 *     a.lowerBound();                              // 0: a.get(0) is the element at subscript 0
 * }
 * conn.execute("SELECT %s::int4[]", PgArray.of(List.of(7, 8), -1)); // '[-1:0]={7,8}'
 * }</pre>
 *
 * As a List it equals any List with the same elements (the List contract): compare
 * {@link #lowerBounds()} too when they matter.
 */
public final class PgArray extends AbstractList<Object> implements RandomAccess {
    private final List<Object> elements;
    private final int[] lowerBounds;

    private PgArray(List<Object> elements, int[] lowerBounds) {
        this.elements = elements;
        this.lowerBounds = lowerBounds;
    }

    /**
     * An array of {@code elements} (nested Lists for several dimensions) whose dimensions start at
     * the given subscripts, one per dimension, outermost first.
     */
    public static PgArray of(List<?> elements, int... lowerBounds) {
        if (lowerBounds.length < 1 || lowerBounds.length > 6) {
            throw new IllegalArgumentException("an array has 1 to 6 dimensions: give one lower bound per dimension, not "
                    + lowerBounds.length);
        }
        @SuppressWarnings("unchecked")
        List<Object> copy = (List<Object>) (elements instanceof PgArray p ? p.elements
                : Collections.unmodifiableList(Arrays.asList(elements.toArray())));
        return new PgArray(copy, lowerBounds.clone());
    }

    /** The elements, without the bounds. */
    public List<Object> elements() {
        return elements;
    }

    /** The subscript of the first element of each dimension, outermost first. */
    public int[] lowerBounds() {
        return lowerBounds.clone();
    }

    /** The subscript of the first element (of the first dimension). */
    public int lowerBound() {
        return lowerBounds[0];
    }

    /** The length of each dimension, outermost first, as far as the bounds go. */
    public int[] dimensions() {
        int[] dims = new int[lowerBounds.length];
        Object level = elements;
        for (int i = 0; i < dims.length && level instanceof List<?> l; i++) {
            dims[i] = l.size();
            level = l.isEmpty() ? null : l.get(0);
        }
        return dims;
    }

    @Override
    public Object get(int index) {
        return elements.get(index);
    }

    @Override
    public int size() {
        return elements.size();
    }

    /** The bounds as array_out writes them, then the elements: {@code [0:2]=[1, 2, 3]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        int[] dims = dimensions();
        for (int i = 0; i < lowerBounds.length; i++) {
            b.append('[').append(lowerBounds[i]).append(':').append((long) lowerBounds[i] + dims[i] - 1).append(']');
        }
        return b.append('=').append(elements).toString();
    }
}
