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
}
