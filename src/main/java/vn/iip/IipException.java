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

    /**
     * The first line of a failure that says something: Spark's parse errors start with a line break, its analysis
     * errors follow the message with the plan, and an error without a message is told by its cause.
     */
    public static String oneLine(Throwable problem) {
        Throwable e = problem;
        while ((e.getMessage() == null || e.getMessage().isBlank()) && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String first = message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
        // A task that failed with the project's own reason: Spark wraps it in "Job aborted due to stage failure …".
        int own = first.indexOf(IipException.class.getName() + ": ");
        if (own >= 0) {
            first = first.substring(own + IipException.class.getName().length() + 2);
        }
        if (!(e instanceof OutOfMemoryError) && first.contains("java.lang.OutOfMemoryError")) {
            return "a Spark task ran out of memory (" + first.substring(first.indexOf("java.lang.OutOfMemoryError"))
                    + "): give the job more with IIP_DRIVER_MEMORY (default 4g), or split the input";
        }
        return e instanceof OutOfMemoryError ? "the job ran out of memory (" + first + "): give it more with"
                + " IIP_DRIVER_MEMORY (default 4g) or split the input" : first;
    }
}
