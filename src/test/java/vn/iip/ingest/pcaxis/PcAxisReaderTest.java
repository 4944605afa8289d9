package vn.iip.ingest.pcaxis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iip.conform.ConformedRow;
import vn.iip.conform.Observation;
import vn.iip.conform.RowConformer;
import vn.iip.ingest.ParsedExtract;
import vn.iip.ingest.RawRecord;
import vn.iip.reference.ReferenceData;

/** PC-Axis cubes become long-format rows that conform reads like any extract; the figures are real (sources in NOTE). */
class PcAxisReaderTest {
    private final RowConformer conformer = new RowConformer(ReferenceData.get());

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PcAxisReaderTest.class.getResourceAsStream("/extracts/pcaxis/" + name)) {
            return in.readAllBytes();
        }
    }

    private List<String> conform(ParsedExtract parsed) {
        return parsed.rows().stream().map(r -> {
            ConformedRow row = conformer.conform(r.fields(), "f.px", r.rowNumber());
            Observation o = row.observation();
            return o == null ? row.ruleId() : String.join(" ", o.period().label(), o.geoCode(), o.industryCode(),
                    o.comparison(), String.valueOf(o.valuePct()), String.valueOf(o.status()), o.releaseDate().toString());
        }).toList();
    }

    @Test
    void cellsKeepThePrecisionDecimalsDeclares() throws IOException {
        String cube = new String(PcAxisReaderTest.class.getResourceAsStream("/extracts/same-release/gso-2021-11.px")
                .readAllBytes(), StandardCharsets.UTF_8).replace("108.0 102.2 94.0", "108 102.2 94");
        ParsedExtract parsed = PcAxisReader.read("t.px", cube.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("108,0", "102,2", "94,0"), parsed.rows().subList(3, 6).stream()
                .map(r -> r.fields().get("value")).toList());
    }

    @Test
    void readsAProvinceCubeWithStatusPrefixedYearsAndMissingCells() throws IOException {
        ParsedExtract parsed = PcAxisReader.read("v07-02.px", resource("v07-02-iip-by-province.px"));
        assertNull(parsed.fileRuleId(), parsed.fileMessage());
        assertEquals("pc_axis", parsed.format());
        assertEquals("utf-8", parsed.encoding());
        assertEquals(12, parsed.rows().size());
        assertEquals("Địa phương=Quảng Trị; Năm=Sơ bộ 2021: 108.72", parsed.rows().get(11).rawText());
        assertEquals("Địa phương=Quảng Trị; Năm=Sơ bộ 2021", parsed.rows().get(11).place());
        assertEquals("NOTE: Số liệu năm 2021 là số liệu sơ bộ. Nghệ An 2019: nghean.gov.vn; Vĩnh Phúc 2020: niên giám"
                + " thống kê Vĩnh Phúc 2020; Quảng Trị: niên giám thống kê Quảng Trị 2021.", parsed.readerNotes());
        assertEquals(List.of(
                "2019 VN TOTAL annual_yoy 9.1 null 2022-06-30",
                "2020 VN TOTAL annual_yoy 3.3 null 2022-06-30",
                "2021 VN TOTAL annual_yoy 4.7 preliminary 2022-06-30",
                "2019 40 TOTAL annual_yoy 13.21 null 2022-06-30",
                "2020 40 TOTAL annual_yoy null null 2022-06-30",
                "2021 40 TOTAL annual_yoy null preliminary 2022-06-30",
                "2019 26 TOTAL annual_yoy null null 2022-06-30",
                "2020 26 TOTAL annual_yoy -0.59 null 2022-06-30",
                "2021 26 TOTAL annual_yoy null preliminary 2022-06-30",
                "2019 45 TOTAL annual_yoy null null 2022-06-30",
                "2020 45 TOTAL annual_yoy 4.71 null 2022-06-30",
                "2021 45 TOTAL annual_yoy 8.72 preliminary 2022-06-30"), conform(parsed));
    }

    @Test
    void decodesWindows1258AndJoinsListItemsSplitOverLines() throws IOException {
        ParsedExtract parsed = PcAxisReader.read("v07-01.px", resource("v07-01-iip-by-industry-cp1258.px"));
        assertNull(parsed.fileRuleId(), parsed.fileMessage());
        assertEquals("windows-1258", parsed.encoding());
        assertEquals("Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí",
                parsed.rows().get(3).fields().get("industry"));
        assertEquals(List.of(
                "2021 VN TOTAL annual_yoy 4.7 preliminary 2022-06-30",
                "2021 VN B annual_yoy -5.7 preliminary 2022-06-30",
                "2021 VN C annual_yoy 5.9 preliminary 2022-06-30",
                "2021 VN D annual_yoy 4.5 preliminary 2022-06-30",
                "2021 VN E annual_yoy 3.0 preliminary 2022-06-30"), conform(parsed));
    }

    @Test
    void readsASparseKeysFileWithCodesCellNotesAndARegion() throws IOException {
        ParsedExtract parsed = PcAxisReader.read("sparse.px", resource("v07-02-sparse-keys.px"));
        assertNull(parsed.fileRuleId(), parsed.fileMessage());
        assertEquals(8, parsed.rows().size());
        assertEquals(List.of(
                "2020 VN TOTAL annual_yoy 3.3 null 2022-01-15",
                "2021 VN TOTAL annual_yoy 4.7 null 2022-01-15",
                "geo_region_not_stored",
                "geo_region_not_stored",
                "2020 26 TOTAL annual_yoy -0.59 null 2022-01-15",
                "2021 26 TOTAL annual_yoy null null 2022-01-15",
                "2020 45 TOTAL annual_yoy 4.71 null 2022-01-15",
                "2021 45 TOTAL annual_yoy 8.72 null 2022-01-15"), conform(parsed));
        assertEquals("Sơ bộ (niên giám thống kê Quảng Trị 2021)", parsed.rows().get(7).fields().get("note"));
        assertEquals("Địa phương=Quảng Trị; Năm=2021: 108.72", parsed.rows().get(7).rawText());
    }

    @Test
    void rejectsACubeWhoseDataDoesNotFillItsVariables() throws IOException {
        String text = new String(resource("v07-02-iip-by-province.px"), StandardCharsets.UTF_8)
                .replace(".. 104.71 108.72;", ".. 104.71;").replace("\"..\" 104.71 108.72;", "\"..\" 104.71;");
        ParsedExtract parsed = PcAxisReader.read("cut.px", text.getBytes(StandardCharsets.UTF_8));
        assertEquals("file_unsupported_format", parsed.fileRuleId());
        assertEquals("the PC-Axis file cannot be read: DATA holds 11 cells but the variables make 12 (Địa phương × Năm);"
                + " the file is truncated or its VALUES do not match DATA", parsed.fileMessage());
    }

    @Test
    void rejectsACubeWithoutAReleaseDate() throws IOException {
        String text = new String(resource("v07-02-iip-by-province.px"), StandardCharsets.UTF_8)
                .replace("CREATION-DATE=\"20220630 09:00\";\n", "").replace("LAST-UPDATED=\"20220630 09:00\";\n", "");
        ParsedExtract parsed = PcAxisReader.read("undated.px", text.getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.fileMessage().contains("no release date"), parsed.fileMessage());
        assertEquals(0, parsed.rows().size());
    }

    @Test
    void splitsQuotedListsAndTimeLists() {
        assertEquals(List.of("a", "b, c", "de"), PxParser.splitList("\"a\",\"b, c\",\"d\"\n\"e\""));
        assertEquals(List.of("TLIST(A1)", "2019", "2020"), PxParser.splitList("TLIST(A1),\"2019\",\"2020\""));
        assertEquals(List.of("2"), PxParser.splitList("2"));
    }

    @Test
    void aTruncatedFileIsReportedNotCrashed() throws IOException {
        byte[] whole = resource("v07-02-iip-by-province.px");
        for (int cut = 0; cut < whole.length; cut += 97) {
            ParsedExtract parsed = PcAxisReader.read("cut.px", java.util.Arrays.copyOf(whole, cut));
            int rows = parsed.rows().size();
            assertTrue(parsed.fileRuleId() != null || rows == 12, "cut at " + cut + ": " + rows + " rows, no reason");
            for (RawRecord row : parsed.rows()) {
                assertNull(row.ruleId());
            }
        }
    }
}
