package vn.iip.conform;

import java.util.Set;

/**
 * The measure and unit columns. Only the IIP itself and GSO's contributions in percentage points are IIP facts;
 * industry value added (a GDP component, often misreported as "industrial production") is rejected by name.
 */
public final class Measures {
    private Measures() {}

    public static final String IIP = "iip";
    public static final String CONTRIBUTION_PP = "contribution_pp";
    public static final String UNIT_INDEX = "index";
    public static final String UNIT_PCT = "pct";
    public static final String UNIT_PP = "pp";

    private static final Set<String> IIP_WORDS = Set.of("iip", "chi so san xuat cong nghiep",
            "index of industrial production", "industrial production index", "ipi");
    private static final Set<String> CONTRIBUTION_WORDS = Set.of("contribution pp", "contrib pp", "contribution",
            "diem phan tram", "dong gop");
    private static final Set<String> VALUE_ADDED_WORDS = Set.of("industry va", "va", "value added",
            "industry value added", "gia tri tang them", "gia tri tang them nganh cong nghiep", "gva");

    public static Outcome<String> measure(String raw) {
        String words = VietnameseText.words(raw);
        if (IIP_WORDS.contains(words)) {
            return Outcome.ok(IIP);
        }
        if (CONTRIBUTION_WORDS.contains(words)) {
            return Outcome.ok(CONTRIBUTION_PP);
        }
        if (VALUE_ADDED_WORDS.contains(words) || words.contains("value added") || words.contains("tang them")) {
            return Outcome.rejected(Rules.MEASURE_VALUE_ADDED, "measure '" + raw + "' is industry value added, a GDP"
                    + " component, not the IIP (2021: value added +4.82%, IIP +4.8%); it must never land in IIP facts"
                    + " — load it into a value-added table instead");
        }
        return Outcome.rejected(Rules.MEASURE_UNKNOWN, "measure '" + raw + "' is not iip or contribution_pp");
    }

    public static Outcome<String> unit(String raw, String measure) {
        String words = VietnameseText.words(raw);
        if (words.isEmpty() && CONTRIBUTION_PP.equals(measure)) {
            return Outcome.ok(UNIT_PP); // the only unit a contribution can have
        }
        String unit = switch (words) {
            case "index", "chi so", "idx" -> UNIT_INDEX;
            case "pct", "percent", "phan tram", "growth pct" -> UNIT_PCT;
            case "pp", "percentage points", "percentage point", "diem phan tram" -> UNIT_PP;
            default -> null;
        };
        if (unit == null) {
            String hint = raw != null && raw.trim().equals("%")
                    ? ": '%' is ambiguous — GSO tables headed 'Đơn vị tính: %' print indices (105,5), text prints growth"
                    + " (5,5); write index or pct"
                    : "; use index (base = 100), pct (growth in %) or pp (percentage points)";
            return Outcome.rejected(Rules.UNIT_UNKNOWN, "unit '" + raw + "' is not known" + hint);
        }
        boolean fits = CONTRIBUTION_PP.equals(measure) ? UNIT_PP.equals(unit) : !UNIT_PP.equals(unit);
        if (!fits) {
            return Outcome.rejected(Rules.UNIT_MEASURE_MISMATCH, "unit '" + raw + "' does not fit measure " + measure
                    + ": iip takes index or pct, contribution_pp takes pp");
        }
        return Outcome.ok(unit);
    }

    public static Outcome<String> status(String raw) {
        String words = VietnameseText.words(raw);
        return switch (words) {
            case "" -> Outcome.ok(null);
            case "uoc tinh", "uoc", "estimate", "estimated", "e" -> Outcome.ok("estimate");
            case "so bo", "preliminary", "p", "prelim" -> Outcome.ok("preliminary");
            case "chinh thuc", "final", "official" -> Outcome.ok("final");
            default -> Outcome.rejected(Rules.STATUS_UNKNOWN, "status '" + raw + "' is not known; use ước tính / sơ bộ /"
                    + " chính thức (estimate / preliminary / final) or leave it empty");
        };
    }
}
