package vn.iip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.iip.testing.RobustnessCorpus.Case;
import vn.iip.testing.RobustnessCorpus.Expect;

/** Workbook cases of the robustness corpus: the same-release table with one thing wrong or unusual each. */
final class WorkbookCases {
    private WorkbookCases() {}

    private static final String SOURCE = "same-release/gso-2021-11.xlsx";

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(build("extra-sheet-before.xlsx", Expect.SAME_AS_ORIGINAL, null,
                w -> w.sheet("Mục lục").row("Mục lục").row("Biểu 1", "Chỉ số sản xuất công nghiệp"), null));
        cases.add(build("extra-sheet-after.xlsx", Expect.SAME_AS_ORIGINAL, null,
                null, w -> w.sheet("Dữ liệu khác").row("Tên", "Giá trị").row("a", "#1").row("b", "#2")));
        cases.add(build("empty-sheets.xlsx", Expect.SAME_AS_ORIGINAL, null,
                w -> w.sheet("Sheet1"), w -> w.sheet("Sheet2").sheet("Sheet3")));
        cases.add(table("formula-with-cached-value.xlsx", Expect.SAME_AS_ORIGINAL, null,
                "#105.5", "=ROUND(100+5.6,1)", "#103.6"));
        cases.add(table("formula-division-by-zero.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_invalid",
                "#105.5", "=1/0", "#103.6"));
        cases.add(table("formula-not-available.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_invalid",
                "#105.5", "=NA()", "#103.6"));
        cases.add(table("formula-text.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_invalid",
                "#105.5", "=\"tăng\"", "#103.6"));
        cases.add(table("date-in-value-cell.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_invalid",
                "#105.5", "@2021-11-30", "#103.6"));
        cases.add(table("date-text-in-value-cell.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_invalid",
                "#105.5", "30/11/2021", "#103.6"));
        cases.add(table("huge-number.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_out_of_domain",
                "#105.5", "#1.0E300", "#103.6"));
        cases.add(table("huge-integer.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_out_of_domain",
                "#105.5", "#99999999999", "#103.6"));
        cases.add(table("growth-rate-as-index.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_out_of_domain",
                "#105.5", "#5.6", "#103.6"));
        cases.add(table("dash-in-value-cell.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_ambiguous",
                "#105.5", "-", "#103.6"));
        cases.add(table("thousands-dot-text.xlsx", Expect.SOME_CELLS_QUARANTINED, "value_ambiguous",
                "#105.5", "1.056", "#103.6"));
        cases.add(custom("no-release-date.xlsx", Expect.FILE_REJECTED, "file_release_date_missing",
                w -> header(w.sheet("IIP").row("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG 11 NĂM 2021"))
                        .row("TOÀN NGÀNH CÔNG NGHIỆP", "#105.5", "#105.6", "#103.6")));
        cases.add(custom("no-header.xlsx", Expect.FILE_REJECTED, "file_unsupported_format",
                w -> w.sheet("IIP").row("Ngày công bố: 29/11/2021").row("TOÀN NGÀNH CÔNG NGHIỆP", "#105.5", "#105.6")));
        cases.add(custom("unknown-industry.xlsx", Expect.SOME_CELLS_QUARANTINED, "industry_unknown",
                w -> header(w.sheet("IIP").row("Nguồn: Tổng cục Thống kê").row("Ngày công bố: 29/11/2021"))
                        .row("TOÀN NGÀNH CÔNG NGHIỆP", "#105.5", "#105.6", "#103.6")
                        .row("Ngành gì đó", "#101.0", "#102.0", "#103.0")));
        cases.add(custom("unknown-province.xlsx", Expect.SOME_CELLS_QUARANTINED, "geo_unknown",
                w -> w.sheet("Tỉnh").row("BỘ CÔNG THƯƠNG").row("Ngày công bố: 06/09/2021")
                        .row("Tỉnh, thành phố", "Tháng 8 năm 2021 so với cùng kỳ năm trước (%)")
                        .row("Bến Tre", "#39.9").row("Đồng Tháp", "#40.9").row("Quang Nihn", "#101.2")));
        cases.add(custom("gross-output-table.xlsx", Expect.SOME_CELLS_QUARANTINED, "measure_gross_output",
                w -> w.sheet("IIP").row("TỔNG CỤC THỐNG KÊ").row("Ngày công bố: 02/03/2009")
                        .row("", "Tháng 02/2009 so với tháng 01/2009 (%)").row("Toàn ngành công nghiệp", "#93.0")
                        .sheet("GTSX").row("CHỈ SỐ GIÁ TRỊ SẢN XUẤT CÔNG NGHIỆP THÁNG 2 NĂM 2009")
                        .row("", "Tháng 02/2009 so với tháng 01/2009 (%)")
                        .row("Tổng số", "#92.5").row("Nhà nước", "#90.1").row("Ngoài Nhà nước", "#95.3")));
        cases.add(custom("period-in-future-header.xlsx", Expect.SOME_CELLS_QUARANTINED, "release_before_period",
                w -> w.sheet("IIP").row("TỔNG CỤC THỐNG KÊ").row("Ngày công bố: 29/11/2021")
                        .row("", "Tháng 12 năm 2021 so với tháng trước", "Tháng 11 năm 2021 so với tháng trước")
                        .row("TOÀN NGÀNH CÔNG NGHIỆP", "#101.0", "#105.5")));
        cases.add(custom("columns-swapped.xlsx", Expect.SAME_AS_ORIGINAL, null, w -> {
            w.sheet("IIP").row("TỔNG CỤC THỐNG KÊ").row("Ngày công bố: 29/11/2021. Số liệu ước tính.")
                    .row("", "11 tháng năm 2021 so với cùng kỳ năm trước", "Tháng 11 năm 2021 so với cùng kỳ năm trước",
                            "Tháng 11 năm 2021 so với tháng trước");
            for (String[] row : rows()) {
                w.row(row[0], row[3], row[2], row[1]);
            }
        }));
        cases.add(new Case("csv-named-xlsx.xlsx", "release_date,publisher\n2021-11-29,GSO\n"
                .getBytes(StandardCharsets.UTF_8), Expect.FILE_REJECTED, "file_unsupported_format", SOURCE));
        return cases;
    }

    /** The same-release table with its yoy value of TOTAL replaced by the three cells given. */
    private static Case table(String name, Expect expect, String rule, String mom, String yoy, String ytd) {
        return custom(name, expect, rule, w -> {
            header(w.sheet("IIP").row("TỔNG CỤC THỐNG KÊ").row("Ngày công bố: 29/11/2021. Số liệu ước tính."));
            List<String[]> rows = rows();
            rows.set(0, new String[] {rows.get(0)[0], mom, yoy, ytd});
            rows.forEach(w::row);
        });
    }

    private static Case build(String name, Expect expect, String rule, Consumer<WorkbookWriter> before,
                              Consumer<WorkbookWriter> after) {
        return custom(name, expect, rule, w -> {
            if (before != null) {
                before.accept(w);
            }
            header(w.sheet("IIP").row("TỔNG CỤC THỐNG KÊ").row("Ngày công bố: 29/11/2021. Số liệu ước tính."));
            rows().forEach(w::row);
            if (after != null) {
                after.accept(w);
            }
        });
    }

    private static Case custom(String name, Expect expect, String rule, Consumer<WorkbookWriter> content) {
        try (WorkbookWriter w = new WorkbookWriter()) {
            content.accept(w);
            return new Case(name, w.evaluateFormulas().bytes(), expect, rule, SOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WorkbookWriter header(WorkbookWriter w) {
        return w.row("", "Tháng 11 năm 2021 so với tháng trước", "Tháng 11 năm 2021 so với cùng kỳ năm trước",
                "11 tháng năm 2021 so với cùng kỳ năm trước");
    }

    private static List<String[]> rows() {
        return new ArrayList<>(List.of(
                new String[] {"TOÀN NGÀNH CÔNG NGHIỆP", "#105.5", "#105.6", "#103.6"},
                new String[] {"Khai khoáng", "#108.0", "#102.2", "#94.0"},
                new String[] {"Công nghiệp chế biến, chế tạo", "#105.9", "#106.4", "#104.8"},
                new String[] {"Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí", "..",
                        "#102.2", "#103.8"},
                new String[] {"Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải", "..", "#101.2",
                        "#103.0"}));
    }
}
