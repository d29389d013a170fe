package io.tusk.spi;

import io.tusk.Column;
import java.util.List;
import java.util.function.Function;

/**
 * A result's columns that keep what a row factory derives from them (the default rows' name
 * index), so that a statement run again and again with the same RowDescription derives it
 * once. The driver's {@code cursor.description()} lists implement it; row factories check for
 * it and derive anew from any other list. A service-provider interface; not for applications.
 */
public interface DescribedColumns extends List<Column> {
    /** What {@code make} derives from these columns, made on first use and kept. */
    <T> T derived(Function<List<Column>, T> make);
}
