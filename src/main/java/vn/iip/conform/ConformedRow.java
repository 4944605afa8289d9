package vn.iip.conform;

/** Either an observation, or the rule a row broke: the column, the raw value and a message naming file and row. */
public record ConformedRow(Observation observation, String ruleId, String column, String rawValue, String reason) {

    public static ConformedRow accepted(Observation observation) {
        return new ConformedRow(observation, null, null, null, null);
    }

    public static ConformedRow rejected(String ruleId, String column, String rawValue, String reason) {
        return new ConformedRow(null, ruleId, column, rawValue, reason);
    }

    public boolean isAccepted() {
        return observation != null;
    }
}
