package vn.iip.ingest.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iip.conform.ConformedRow;
import vn.iip.conform.Observation;
import vn.iip.conform.RowConformer;
import vn.iip.ingest.ParsedExtract;
import vn.iip.ingest.RawRecord;
import vn.iip.reference.ReferenceData;
import vn.iip.testing.WorkbookWriter;

/** Layouts beyond the golden files: each test builds one workbook and reads what conform makes of it. */
class WorkbookReaderTest {
    private static final RowConformer CONFORMER = new RowConformer(ReferenceData.get());

    @Test
    void headersThatOnlyCompareTakeTheirPeriodFromTheTitle() throws IOException {
        List<String> figures = figures(WorkbookReader.read("/in/t.xlsx", workbook(false, w -> w.sheet("IIP")
                .row("CỤC THỐNG KÊ TỈNH QUẢNG NINH")
                .row("Ước tính chỉ số sản xuất công nghiệp tỉnh Quảng Ninh tháng 11 năm 2021")
                .row("Ngày 29 tháng 11 năm 2021")
                .row("", "So với tháng trước (%)", "So với cùng kỳ năm trước (%)", "11 tháng so với cùng kỳ (%)")
                .row("Toàn ngành công nghiệp", "119,17", "102,5", "104,1")), Map.of()));
        assertEquals(List.of("2021-11 22 TOTAL mom 19.17 estimate CỤC THỐNG KÊ TỈNH QUẢNG NINH@2021-11-29 IIP!B5",
                "2021-11 22 TOTAL yoy 2.5 estimate CỤC THỐNG KÊ TỈNH QUẢNG NINH@2021-11-29 IIP!C5",
                "2021-11 22 TOTAL ytd_yoy 4.1 estimate CỤC THỐNG KÊ TỈNH QUẢNG NINH@2021-11-29 IIP!D5"), figures);
    }

    @Test
    void bulletsNumberingAndFootnoteMarksAroundLabelsAreIgnored() throws IOException {
        List<String> figures = figures(WorkbookReader.read("/in/t.xlsx", workbook(false, w -> w.sheet("IIP")
                .row("TỔNG CỤC THỐNG KÊ").row("Ngày công bố: 29/11/2021")
                .row("", "Tháng 11 năm 2021 so với cùng kỳ năm trước")
                .row("I. TOÀN NGÀNH CÔNG NGHIỆP", "#105.6")
                .row("1. Khai khoáng (*)", "#102.2")
                .row("- Sản xuất kim loại", "#118.0")
                .row("Trong đó:")
                .row("+ Khai thác than cứng và than non", "#97.5")
                .blank()
                .row("(*) Số liệu ước tính.")), Map.of()));
        assertEquals(List.of("2021-11 VN TOTAL yoy 5.6 estimate GSO@2021-11-29 IIP!B4",
                "2021-11 VN B yoy 2.2 estimate GSO@2021-11-29 IIP!B5",
                "2021-11 VN C24 yoy 18.0 estimate GSO@2021-11-29 IIP!B6",
                "2021-11 VN B05 yoy -2.5 estimate GSO@2021-11-29 IIP!B8"), figures);
    }

    @Test
    void aYearbookTableWithYearNumbersAsHeadersTakesItsComparisonFromTheTitle() throws IOException {
        List<String> figures = figures(WorkbookReader.read("/in/t.xlsx", workbook(false, w -> w.sheet("203")
                .row("Cục Thống kê tỉnh Quảng Trị").row("Ngày công bố: 30/06/2022")
                .row("203. CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP TỈNH QUẢNG TRỊ PHÂN THEO NGÀNH (Năm trước = 100) - %")
                .row("", "#2020", "#2021")
                .row("Toàn ngành", "#104.71", "#108.72")
                .row("Khai khoáng", "", "#103.77")
                .row("Công nghiệp chế biến, chế tạo", "", "#106.46")), Map.of()));
        assertEquals(List.of("2020 45 TOTAL annual_yoy 4.71 null Cục Thống kê tỉnh Quảng Trị@2022-06-30 '203'!B5",
                "2021 45 TOTAL annual_yoy 8.72 null Cục Thống kê tỉnh Quảng Trị@2022-06-30 '203'!C5",
                "2021 45 B annual_yoy 3.77 null Cục Thống kê tỉnh Quảng Trị@2022-06-30 '203'!C6",
                "2021 45 C annual_yoy 6.46 null Cục Thống kê tỉnh Quảng Trị@2022-06-30 '203'!C7"), figures);
    }

    @Test
    void aSeriesWhoseRowsAreMonthsTakesTheYearFromTheTitle() throws IOException {
        List<String> figures = figures(WorkbookReader.read("/in/t.xlsx", workbook(false, w -> w.sheet("IIP")
                .row("CỤC THỐNG KÊ TỈNH HÒA BÌNH").row("Hòa Bình, ngày 12 tháng 10 năm 2021")
                .row("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP TỈNH HOÀ BÌNH CÁC THÁNG NĂM 2021")
                .row("Tháng", "So với tháng trước (%)", "So với cùng kỳ năm trước (%)")
                .row("Tháng 9", "%1.1135", "%0.8832")), Map.of()));
        assertEquals(List.of("2021-09 17 TOTAL mom 11.35 null CỤC THỐNG KÊ TỈNH HÒA BÌNH@2021-10-12 IIP!B5",
                "2021-09 17 TOTAL yoy -11.68 null CỤC THỐNG KÊ TỈNH HÒA BÌNH@2021-10-12 IIP!C5"), figures);
    }

    @Test
    void textsTypedInTheVnFontsAreReadAsTcvn3() throws IOException {
        ParsedExtract parsed = WorkbookReader.read("/in/old.xls", workbook(true, w -> w.sheet("IIP")
                .row(vn("Tổng cục Thống kê")).row(vn("Ngày công bố: 29/11/2021"))
                .row("", vn("Tháng 11 năm 2021 so với tháng trước"), vn("Tháng 11 năm 2021 so với cùng kỳ năm trước"))
                .row(vn("Toàn ngành công nghiệp"), "#105.5", "#105.6")
                .row(vn("Khai khoáng"), "#108.0", "#102.2")), Map.of());
        assertTrue(parsed.encoding().startsWith("xlsx; cell texts in TCVN3, .Vn fonts ("), parsed.encoding());
        assertEquals(List.of("2021-11 VN TOTAL mom 5.5 null GSO@2021-11-29 IIP!B4",
                "2021-11 VN TOTAL yoy 5.6 null GSO@2021-11-29 IIP!C4",
                "2021-11 VN B mom 8.0 null GSO@2021-11-29 IIP!B5",
                "2021-11 VN B yoy 2.2 null GSO@2021-11-29 IIP!C5"), figures(parsed));
    }

    /** Text as an old workbook typed in .VnTime holds it: TCVN3 bytes read as Western characters. */
    private static String vn(String text) {
        return new String(vn.iip.testing.LegacyEncodings.tcvn3(text), java.nio.charset.Charset.forName("windows-1252"));
    }

    @Test
    void legacyXlsWorkbooksAreReadToo() throws IOException {
        ParsedExtract parsed = WorkbookReader.read("/in/old.xls", workbook(true, w -> w.sheet("Biểu 03")
                .row("BỘ CÔNG THƯƠNG").row("Hà Nội, ngày 03 tháng 12 năm 2021")
                .row("Tỉnh, thành phố", "Tháng 11 năm 2021 so với tháng trước (%)")
                .row("Thanh Hoá", "#115.1").row("Thừa Thiên Huế", "#109.12")), Map.of());
        assertEquals(List.of("2021-11 38 TOTAL mom 15.1 null MOIT@2021-12-03 'Biểu 03'!B4",
                "2021-11 46 TOTAL mom 9.12 null MOIT@2021-12-03 'Biểu 03'!B5"), figures(parsed));
    }

    @Test
    void theSidecarOverridesWhatTheWorkbookSays() throws IOException {
        ParsedExtract parsed = WorkbookReader.read("/in/t.xlsx", workbook(false, w -> w.sheet("IIP")
                .row("Ngày công bố: 01/12/2021")
                .row("", "Tháng 11 năm 2021 so với tháng trước")
                .row("Toàn ngành công nghiệp", "#106.9")), Map.of("release_date", "2021-11-30", "publisher",
                "Cục Thống kê Đồng Nai", "geo", "Đồng Nai", "status", "sơ bộ"));
        assertEquals(List.of("2021-11 75 TOTAL mom 6.9 preliminary Cục Thống kê Đồng Nai@2021-11-30 IIP!B3"),
                figures(parsed));
    }

    @Test
    void aWorkbookWithoutAReleaseDateIsRejectedWholeWithEveryCellKept() throws IOException {
        ParsedExtract parsed = WorkbookReader.read("/in/nodate.xlsx", workbook(false, w -> w.sheet("IIP")
                .row("", "Tháng 11 năm 2021 so với tháng trước")
                .row("Toàn ngành công nghiệp", "#105.5").row("Khai khoáng", "#108.0")), Map.of());
        assertEquals("file_release_date_missing", parsed.fileRuleId());
        assertEquals("no release date: the workbook's titles and notes give none (e.g. 'Ngày công bố: 29/11/2021')"
                + " and there is no sidecar; add nodate.xlsx.release.properties with release_date=YYYY-MM-DD next to"
                + " it", parsed.fileMessage());
        assertEquals(2, parsed.rows().size());
        assertTrue(parsed.rows().stream().allMatch(r -> "file_release_date_missing".equals(r.ruleId())));
    }

    @Test
    void aDamagedWorkbookIsRejectedWithTheCause() {
        ParsedExtract parsed = WorkbookReader.read("/in/bad.xlsx", "PK\u0003\u0004 not really".getBytes(), Map.of());
        assertEquals("file_unsupported_format", parsed.fileRuleId());
        assertEquals("the workbook is incomplete: the end of its zip archive (the directory of its parts) is missing,"
                + " so it was cut short; copy or download it again", parsed.fileMessage());
        assertTrue(parsed.rows().isEmpty());
        assertNull(parsed.readerNotes());
    }

    private interface Content {
        void write(WorkbookWriter writer);
    }

    /**
     * "TỈNH BẮC GIANG" is vn63 province 24; in vn34, 24 is Bắc Ninh (which took Bắc Giang in). A yearbook table of
     * Bắc Giang with 2024 and 2025 columns: 2024 is Bắc Giang's (24, vn63); 2025 ends after the 63 provinces did, so
     * it is quarantined as for any file naming Bắc Giang for 2025, never stored as Bắc Ninh's.
     */
    @Test
    void aProvinceInTheTitleIsResolvedOnceForEachCellsPeriod() throws IOException {
        ParsedExtract parsed = WorkbookReader.read("/in/t.xlsx", workbook(false, w -> w.sheet("IIP")
                .row("CỤC THỐNG KÊ").row("Ngày công bố: 15/01/2026")
                .row("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP TỈNH BẮC GIANG (Năm trước = 100) - %")
                .row("", "#2024", "#2025")
                .row("Toàn ngành", "#106.1", "#108.3")), Map.of());
        assertNull(parsed.fileRuleId(), parsed.fileMessage());
        List<ConformedRow> cells = parsed.rows().stream()
                .map(row -> CONFORMER.conform(row.fields(), "t.xlsx", row.place())).toList();
        Observation year2024 = cells.get(0).observation();
        assertEquals(List.of("2024", "24", "vn63", "TOTAL", "6.1"), List.of(year2024.period().label(), year2024.geoCode(),
                year2024.geoVersion(), year2024.industryCode(), String.valueOf(year2024.valuePct())));
        assertEquals("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP TỈNH BẮC GIANG (Năm trước = 100) - %", year2024.geoInput());
        assertEquals("geo_not_in_version", cells.get(1).ruleId(), cells.get(1).reason());
        assertTrue(cells.get(1).reason().startsWith("t.xlsx IIP!C5, column geo: "), cells.get(1).reason());
        assertTrue(cells.get(1).reason().contains("Bắc Giang of the 63-province list, which ended on 2025-06-30"),
                cells.get(1).reason());
    }

    /** POI's guard against zip bombs becomes the project's rule and a one-line reason. */
    @Test
    void aZipBombIsRejectedWithItsOwnRuleOnOneLine() throws IOException {
        byte[] normal = workbook(false, w -> w.sheet("IIP").row("TỔNG CỤC THỐNG KÊ").row("Ngày công bố: 29/11/2021")
                .row("", "Tháng 11 năm 2021 so với cùng kỳ năm trước").row("Toàn ngành công nghiệp", "#105.6"));
        ParsedExtract parsed = WorkbookReader.read("/in/bomb.xlsx", inflated(normal, "xl/worksheets/sheet1.xml"),
                Map.of());
        assertEquals("file_zip_bomb", parsed.fileRuleId());
        assertTrue(parsed.fileMessage().matches("the workbook is not opened: its part 'xl/worksheets/sheet1\\.xml'"
                + " would expand [^,]+ when unzipped, which real spreadsheets never do \\(a zip bomb\\);"
                + " export the table again from Excel, or as CSV"), parsed.fileMessage());
        assertEquals(List.of(), parsed.rows());
    }

    /** The workbook with 20 MB of spaces added to one part: it compresses to almost nothing, as zip bombs do. */
    private static byte[] inflated(byte[] workbook, String part) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(content);
                if (entry.getName().equals(part)) {
                    out.write(" ".repeat(20 << 20).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] workbook(boolean legacy, Content content) throws IOException {
        try (WorkbookWriter writer = new WorkbookWriter(legacy)) {
            content.write(writer);
            return writer.bytes();
        }
    }

    /** "period geo industry comparison value status release place", one per accepted cell; fails on any rejection. */
    private static List<String> figures(ParsedExtract parsed) {
        assertNull(parsed.fileRuleId(), parsed.fileMessage());
        return parsed.rows().stream().map(row -> {
            ConformedRow result = CONFORMER.conform(row.fields(), "t.xlsx", row.place());
            assertTrue(result.isAccepted(), result.reason());
            Observation o = result.observation();
            return String.join(" ", o.period().label(), o.geoCode(), o.industryCode(), o.comparison(),
                    String.valueOf(o.valuePct()), String.valueOf(o.status()), o.releaseId(), row.place());
        }).toList();
    }

}
