package io.tusk.testkit;

/** Small assertion helpers shared by the kit's tests. */
final class SetupAssertions {
    private SetupAssertions() {
    }

    /** True when {@code t} or one of its causes is a {@code type}. */
    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
