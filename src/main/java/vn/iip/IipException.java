package vn.iip;

/**
 * A failure the user can act on: one line that says the problem, its cause and the fix, with the offending value.
 * The command line prints it as it is and exits with 1; anything else that fails is reported the same way, but its
 * details go to the log file.
 */
public class IipException extends RuntimeException {
    public IipException(String message) {
        super(message);
    }

    public IipException(String message, Throwable cause) {
        super(message, cause);
    }
}
