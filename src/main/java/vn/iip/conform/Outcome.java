package vn.iip.conform;

/**
 * The result of reading one cell: a value, or the rule it broke with a message that says the problem, the cause and
 * the fix. Messages never name the file or row: the conformer adds the place.
 */
public record Outcome<T>(T value, String ruleId, String message) {

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null, null);
    }

    public static <T> Outcome<T> rejected(String ruleId, String message) {
        return new Outcome<>(null, ruleId, message);
    }

    public boolean isOk() {
        return ruleId == null;
    }
}
