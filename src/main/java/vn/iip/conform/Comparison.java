package vn.iip.conform;

/** A resolved comparison: its code and whether the source only implied it (e.g. the seed's provincial figures). */
public record Comparison(String code, boolean inferred, boolean contributionHint) {
    public static final String MOM = "mom";
    public static final String YOY = "yoy";
    public static final String YTD_YOY = "ytd_yoy";
    public static final String Q_YOY = "q_yoy";
    public static final String ANNUAL_YOY = "annual_yoy";

    /** The period type a comparison applies to. */
    public static String periodTypeOf(String code) {
        return switch (code) {
            case Q_YOY -> Period.QUARTER;
            case ANNUAL_YOY -> Period.YEAR;
            default -> Period.MONTH;
        };
    }
}
