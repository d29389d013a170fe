package io.tusk.cli;

/**
 * A failure the tool explains in one line, such as an unknown transaction id or a declined
 * confirmation: the message names what was wrong and what to do.
 *
 * <p>Example: {@code throw new CliException("no prepared transaction 'x': run 'tusk xa list'")}.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    /** A one-line failure with the exception behind it (its stack trace shows with --verbose). */
    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
