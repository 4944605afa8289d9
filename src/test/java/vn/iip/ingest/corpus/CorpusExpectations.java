package vn.iip.ingest.corpus;

import java.util.Map;
import java.util.function.Function;
import vn.iip.conform.Rules;
import vn.iip.testing.RobustnessCorpus;

/**
 * What a careful reader must make of each case of the robustness corpus. Truncations and flips are derived from the
 * damage (per format, see the classes named below); hand-made cases say it themselves, and those quarantining a few
 * cells are listed here with the exact cells, so every case asserts which rows go where, not just "no crash".
 */
public final class CorpusExpectations {
    private CorpusExpectations() {}

    public static Expected of(RobustnessCorpus.Case c) {
        Original original = Original.of(c.original());
        return switch (c.expect()) {
            case DAMAGED -> damaged(c, original);
            case SAME_AS_ORIGINAL -> Expected.read(original).because("the figures of " + c.original());
            case FILE_REJECTED -> Expected.rejected(c.rule(), "a hand-made case");
            case SOME_CELLS_QUARANTINED -> {
                Function<Original, Expected> expected = FEW_CELLS.get(c.fileName());
                if (expected == null) {
                    throw new IllegalStateException("no expectation listed for " + c.fileName());
                }
                yield expected.apply(original);
            }
        };
    }

    private static Expected damaged(RobustnessCorpus.Case c, Original original) {
        boolean truncated = c.fileName().contains("-truncated-");
        String source = c.original();
        if (source.endsWith(".xlsx")) {
            return WorkbookExpectations.of(c.content(), original);
        }
        if (source.endsWith(".px")) {
            return truncated ? PcAxisExpectations.truncated(c.content(), original)
                    : PcAxisExpectations.flipped(c.fileName(), c.content(), original);
        }
        if (source.startsWith("pxweb/")) {
            return truncated ? PxWebExpectations.truncated(c.content(), original)
                    : PxWebExpectations.flipped(c.fileName(), c.content(), original);
        }
        return LongCsvExpectations.of(c.content(), original);
    }

    private static String gso(String industry, String comparison) {
        return "Ngành công nghiệp=" + industry + "; Tháng=Ước tính tháng 11/2021; So sánh=" + comparison;
    }

    private static String cell(int row, String period) {
        return "row " + row + ", column '" + period + "'";
    }

    private static final String MOM = "So với tháng trước";
    private static final String YOY = "So với cùng kỳ năm trước";
    private static final String YTD = "11 tháng so với cùng kỳ năm trước";

    /** The hand-made cases with a few bad cells: exactly those cells are quarantined, every other cell is kept. */
    private static final Map<String, Function<Original, Expected>> FEW_CELLS = Map.ofEntries(
            Map.entry("codepage-mixed.px", o -> Expected.read(o)
                    .quarantine(gso("Société générale à Genève công nghiệp", MOM), Rules.INDUSTRY_UNKNOWN)
                    .quarantine(gso("Société générale à Genève công nghiệp", YOY), Rules.INDUSTRY_UNKNOWN)
                    .quarantine(gso("Société générale à Genève công nghiệp", YTD), Rules.INDUSTRY_UNKNOWN)
                    .lose(gso("Toàn ngành công nghiệp", MOM)).lose(gso("Toàn ngành công nghiệp", YOY))
                    .lose(gso("Toàn ngành công nghiệp", YTD))
                    .because("the first industry's label replaced by a French phrase (the bytes are UTF-8 whatever"
                            + " CODEPAGE says): its three cells name no industry")),
            Map.entry("huge-number.px", o -> Expected.read(o)
                    .quarantineInstead(gso("Toàn ngành công nghiệp", YOY), Rules.VALUE_OUT_OF_DOMAIN)
                    .because("105.6 → 99999999999 in TOTAL's yoy cell")),
            Map.entry("date-as-value.csv", o -> Expected.read(o).quarantineInstead("row 3", Rules.VALUE_INVALID)
                    .because("TOTAL yoy '105,6' → 2021-11-30")),
            Map.entry("huge-value.csv", o -> Expected.read(o).quarantineInstead("row 3", Rules.VALUE_OUT_OF_DOMAIN)
                    .because("TOTAL yoy '105,6' → 99999999999999999999999,5")),
            Map.entry("row-cut-short.csv", o -> Expected.read(o).quarantineInstead("row 2", Rules.ROW_FIELD_COUNT)
                    .because("row 2 lost its status and source fields")),
            Map.entry("pxweb-short-row.csv", o -> Expected.read(o)
                    .quarantineInstead(cell(7, "2020"), Rules.ROW_FIELD_COUNT)
                    .quarantineInstead(cell(7, "2021 Sơ bộ"), Rules.ROW_FIELD_COUNT)
                    .because("Quảng Trị's row stops after 2019: its two missing cells are quarantined")),
            Map.entry("pxweb-unknown-province.csv", o -> Expected.read(o)
                    .quarantineInstead(cell(5, "2019"), Rules.GEO_UNKNOWN)
                    .quarantineInstead(cell(5, "2020"), Rules.GEO_UNKNOWN)
                    .quarantineInstead(cell(5, "2021 Sơ bộ"), Rules.GEO_UNKNOWN)
                    .because("Nghệ An → 'Nghe Anh' on row 5")),
            Map.entry("pxweb-date-as-value.csv", o -> Expected.read(o)
                    .quarantineInstead(cell(5, "2019"), Rules.VALUE_INVALID)
                    .because("Nghệ An 2019 '113,21' → 30/06/2019")),
            // The workbook table cases write the same-release table one row higher than the golden workbook, so
            // TOTAL's yoy is IIP!C4 here and IIP!C5 in the original.
            Map.entry("formula-division-by-zero.xlsx", o -> totalYoy(o, Rules.VALUE_INVALID, "=1/0")),
            Map.entry("formula-not-available.xlsx", o -> totalYoy(o, Rules.VALUE_INVALID, "=NA()")),
            Map.entry("formula-text.xlsx", o -> totalYoy(o, Rules.VALUE_INVALID, "a formula giving text")),
            Map.entry("date-in-value-cell.xlsx", o -> totalYoy(o, Rules.VALUE_INVALID, "an Excel date")),
            Map.entry("date-text-in-value-cell.xlsx", o -> totalYoy(o, Rules.VALUE_INVALID, "the text 30/11/2021")),
            Map.entry("huge-number.xlsx", o -> totalYoy(o, Rules.VALUE_OUT_OF_DOMAIN, "1.0E300")),
            Map.entry("huge-integer.xlsx", o -> totalYoy(o, Rules.VALUE_OUT_OF_DOMAIN, "99999999999")),
            Map.entry("growth-rate-as-index.xlsx", o -> totalYoy(o, Rules.VALUE_OUT_OF_DOMAIN,
                    "5.6, a growth rate, under a header of indices")),
            Map.entry("dash-in-value-cell.xlsx", o -> totalYoy(o, Rules.VALUE_AMBIGUOUS, "'-'")),
            Map.entry("thousands-dot-text.xlsx", o -> totalYoy(o, Rules.VALUE_AMBIGUOUS, "the text 1.056")),
            // Workbooks of their own, unlike any golden one: their good figures are listed.
            Map.entry("unknown-industry.xlsx", o -> Expected.readNew()
                    .quarantine("IIP!B5", Rules.INDUSTRY_UNKNOWN).quarantine("IIP!C5", Rules.INDUSTRY_UNKNOWN)
                    .quarantine("IIP!D5", Rules.INDUSTRY_UNKNOWN)
                    .accept("GSO@2021-11-29 2021-11 VN/vn63 TOTAL mom iip = 105,5 index null")
                    .accept("GSO@2021-11-29 2021-11 VN/vn63 TOTAL yoy iip = 105,6 index null")
                    .accept("GSO@2021-11-29 2021-11 VN/vn63 TOTAL ytd_yoy iip = 103,6 index null")
                    .because("'Ngành gì đó' is no industry: its three cells; TOTAL's three are kept")),
            Map.entry("unknown-province.xlsx", o -> Expected.readNew()
                    .quarantine("Tỉnh!B6", Rules.GEO_UNKNOWN)
                    .accept("MOIT@2021-09-06 2021-08 83/vn63 TOTAL yoy iip = 39,9 index null")
                    .accept("MOIT@2021-09-06 2021-08 87/vn63 TOTAL yoy iip = 40,9 index null")
                    .because("'Quang Nihn' is no province; Bến Tre and Đồng Tháp are kept")),
            Map.entry("gross-output-table.xlsx", o -> Expected.readNew()
                    .quarantine("GTSX!B3", Rules.MEASURE_GROSS_OUTPUT).quarantine("GTSX!B4", Rules.MEASURE_GROSS_OUTPUT)
                    .quarantine("GTSX!B5", Rules.MEASURE_GROSS_OUTPUT)
                    .accept("GSO@2009-03-02 2009-02 VN/vn63 TOTAL mom iip = 93,0 index null")
                    .because("sheet GTSX is the discontinued gross-output index; sheet IIP's figure is kept")),
            Map.entry("period-in-future-header.xlsx", o -> Expected.readNew()
                    .quarantine("IIP!B4", Rules.RELEASE_BEFORE_PERIOD)
                    .accept("GSO@2021-11-29 2021-11 VN/vn63 TOTAL mom iip = 105,5 index null")
                    .because("a column for December 2021 in a table released 29/11/2021; November's is kept"))
    );

    private static Expected totalYoy(Original original, String rule, String what) {
        return Expected.read(original).quarantine("IIP!C4", rule).lose("IIP!C5")
                .because("TOTAL's yoy cell holds " + what + "; the other 14 cells are the original's");
    }
}
