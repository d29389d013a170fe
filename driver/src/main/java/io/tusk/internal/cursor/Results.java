package io.tusk.internal.cursor;

import io.tusk.internal.connection.QueryResult;
import java.util.List;

/**
 * The results of an execution: already read, or still to come from a pipeline (where getting
 * them reads the pipeline up to them, and throws the statement's error).
 */
public interface Results {
    List<QueryResult> get();

    /** True when {@link #get()} returns without I/O. */
    boolean ready();

    static Results of(List<QueryResult> results) {
        return new Results() {
            @Override
            public List<QueryResult> get() {
                return results;
            }

            @Override
            public boolean ready() {
                return true;
            }
        };
    }
}
