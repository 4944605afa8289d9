package vn.iip.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongCsvReaderTest {
    private static final String HEADER = "release_date,publisher,period,geo,industry,comparison,measure,value,unit,status,source";

    private static ParsedExtract read(String text) {
        return LongCsvReader.read("landing/test.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsCommaFileWithQuotedDecimalCommas() {
        ParsedExtract parsed = read(HEADER + "\n2021-11-29,GSO,2021-11,VN,TOTAL,mom,iip,\"105,5\",index,,\"a, b\"\n");
        assertEquals(",", parsed.delimiter());
        assertEquals("UTF-8", parsed.encoding());
        assertNull(parsed.fileRuleId());
        assertEquals(1, parsed.rows().size());
        RawRecord row = parsed.rows().get(0);
        assertEquals(2, row.rowNumber());
        assertEquals("105,5", row.fields().get("value"));
        assertEquals("a, b", row.fields().get("source"));
        assertEquals("2021-11-29,GSO,2021-11,VN,TOTAL,mom,iip,\"105,5\",index,,\"a, b\"", row.rawText());
        assertNull(row.ruleId());
    }

    @Test
    void detectsSemicolonsBomCrlfAndAnyColumnOrder() {
        String text = "\uFEFFValue;Unit;Release_Date;Publisher;Period;Geo;Industry;Comparison;Measure\r\n"
                + "105,5;index;2021-11-29;GSO;2021-11;VN;TOTAL;mom;iip\r\n\r\n"
                + "105,6;index;2021-11-29;GSO;2021-11;VN;TOTAL;yoy;iip\r\n";
        ParsedExtract parsed = LongCsvReader.read("x.csv", ("\uFEFF" + text.substring(1)).getBytes(StandardCharsets.UTF_8));
        assertEquals(";", parsed.delimiter());
        assertEquals("UTF-8 (BOM)", parsed.encoding());
        assertNull(parsed.fileRuleId(), parsed.fileMessage());
        assertEquals(List.of(2, 4), parsed.rows().stream().map(RawRecord::rowNumber).toList());
        assertEquals("105,6", parsed.rows().get(1).fields().get("value"));
        assertEquals("yoy", parsed.rows().get(1).fields().get("comparison"));
    }

    @Test
    void keepsLineNumbersAcrossQuotedLineBreaks() {
        ParsedExtract parsed = read(HEADER + "\n2021-11-29,GSO,2021-11,VN,TOTAL,mom,iip,1,pct,,\"two\nlines\"\n"
                + "2021-11-29,GSO,2021-11,VN,TOTAL,yoy,iip,1,pct,,x\n");
        assertEquals(List.of(2, 4), parsed.rows().stream().map(RawRecord::rowNumber).toList());
        assertEquals("two\nlines", parsed.rows().get(0).fields().get("source"));
    }

    @Test
    void flagsShortRowsAndUnterminatedQuotes() {
        ParsedExtract parsed = read(HEADER + "\n2021-11-29,GSO,2021-11,VN,TOTAL,mom,iip,\"4,8\"\n"
                + "2021-11-29,GSO,2021-11,VN,TOTAL,yoy,iip,1,pct,,\"http://exam");
        assertEquals("row_field_count", parsed.rows().get(0).ruleId());
        assertEquals("the row has 8 field(s) but the header has 11 (truncated row?); quote values that contain the"
                + " delimiter and check the row is complete", parsed.rows().get(0).reason());
        assertEquals("row_unterminated_quote", parsed.rows().get(1).ruleId());
    }

    @Test
    void rejectsAHeaderWithoutRequiredColumnsButKeepsEveryRow() {
        ParsedExtract parsed = read("release_date,publisher,period,geo,industry,comparison,measure,value\n"
                + "2021-11-29,GSO,2021-11,VN,TOTAL,mom,iip,1\n2021-11-29,GSO,2021-11,VN,TOTAL,yoy,iip,1\n");
        assertEquals("file_header_missing_column", parsed.fileRuleId());
        assertTrue(parsed.fileMessage().startsWith("the header line lacks required column(s) unit"), parsed.fileMessage());
        assertEquals(2, parsed.rows().size());
        assertTrue(parsed.rows().stream().allMatch(r -> "file_header_missing_column".equals(r.ruleId())));
    }

    @Test
    void rejectsAFileThatIsNeitherUtf8NorVietnameseWindows1258AndStillCountsTheRows() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/extracts/broken/undecodable.csv")) {
            bytes = in.readAllBytes();
        }
        ParsedExtract parsed = LongCsvReader.read("undecodable.csv", bytes);
        assertEquals("file_undecodable", parsed.fileRuleId());
        assertEquals("unknown (not UTF-8)", parsed.encoding());
        assertTrue(parsed.fileMessage().startsWith("the file cannot be decoded confidently: byte 0xE9 at offset 102"),
                parsed.fileMessage());
        assertEquals(2, parsed.rows().size());
    }

    @Test
    void decodesVietnameseWindows1258WithEvidenceAndComposesToneMarks() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/extracts/legacy/windows-1258.csv")) {
            bytes = in.readAllBytes();
        }
        ParsedExtract parsed = LongCsvReader.read("windows-1258.csv", bytes);
        assertNull(parsed.fileRuleId(), parsed.fileMessage());
        assertTrue(parsed.encoding().startsWith("windows-1258 ("), parsed.encoding());
        assertEquals(List.of("Quảng Ninh", "Thanh Hóa", "Đồng Nai"),
                parsed.rows().stream().map(r -> r.fields().get("geo")).toList());
        assertEquals("Cục Thống kê", parsed.rows().get(0).fields().get("publisher"));
    }

    /**
     * GSO's November 2021 rows as Windows saves them in its Vietnamese code page (made with Python's cp1258 codec from
     * the NFC text, letters the code page lacks as base + combining tone): the same figures as the UTF-8 sample.
     */
    @Test
    void readsWindows1258AsWindowsWritesItPrecomposedLettersAndCombiningTones() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/extracts/legacy/windows-1258-as-windows-writes.csv")) {
            bytes = in.readAllBytes();
        }
        ParsedExtract parsed = LongCsvReader.read("windows-1258-as-windows-writes.csv", bytes);
        assertNull(parsed.fileRuleId(), parsed.fileMessage());
        assertTrue(parsed.encoding().startsWith("windows-1258 ("), parsed.encoding());
        List<String> utf8 = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                "src/main/resources/samples/2021-11-29_iip-nov-2021.csv")).subList(3, 10);
        assertEquals(utf8.size(), parsed.rows().size());
        for (int i = 0; i < utf8.size(); i++) {
            assertEquals(utf8.get(i).replace(";GSO;", ";Tổng cục Thống kê;"), parsed.rows().get(i).rawText());
        }
        assertEquals("Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí",
                parsed.rows().get(5).fields().get("industry"));
    }

    @Test
    void decodesUtf16WithBom() {
        byte[] body = (HEADER + "\n2021-11-29,GSO,2021-11,Quảng Ninh,TOTAL,mom,iip,\"19,17\",pct,,x\n")
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        ParsedExtract parsed = LongCsvReader.read("utf16.csv", bytes);
        assertEquals("UTF-16LE (BOM)", parsed.encoding());
        assertEquals("Quảng Ninh", parsed.rows().get(0).fields().get("geo"));
    }

    @Test
    void aFileWithoutHeaderKeepsItsFirstLineAsARow() {
        ParsedExtract parsed = read("2021-11-29,GSO,2021-11,VN,TOTAL,mom,iip,1,pct,,x\n2021-11-29,GSO,2021-11,VN,TOTAL,yoy,iip,1,pct,,x\n");
        assertEquals(List.of(1, 2), parsed.rows().stream().map(RawRecord::rowNumber).toList());
        assertTrue(parsed.rows().stream().allMatch(r -> "file_header_missing_column".equals(r.ruleId())));
        assertTrue(parsed.fileMessage().startsWith("the file has no header line"), parsed.fileMessage());
    }

    @Test
    void anEmptyFileHasNoRowsAndSaysSo() {
        ParsedExtract parsed = read("");
        assertEquals(0, parsed.rows().size());
        assertEquals("file_empty", parsed.fileRuleId());
        assertEquals("the file is empty: no header, no rows; remove it or export it again", parsed.fileMessage());
    }
}
