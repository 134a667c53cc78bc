package io.github.scratchnet;

/**
 * A problem the user can fix: bad input data, a nonsense hyper-parameter, a file that cannot be
 * written. Its message is one line that names the problem and the remedy; the CLI prints it as is
 * and exits non-zero, without a stack trace.
 */
public class ScratchnetException extends RuntimeException {
    public ScratchnetException(String message) {
        super(message);
    }

    public ScratchnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
