package vn.iip.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iip.conform.ConformedRow;
import vn.iip.conform.Observation;
import vn.iip.conform.RowConformer;
import vn.iip.reference.ReferenceData;

class PxWebCsvReaderTest {
    private static final RowConformer CONFORMER = new RowConformer(ReferenceData.get());

    @Test
    void aPivotedExportWithPeriodsDownTheFirstColumnGivesTheSameFigures() {
        String across = "\"Chỉ số sản xuất công nghiệp (Năm trước = 100)\"\n"
                + "\"Địa phương\";\"2020\";\"2021 Sơ bộ\"\n"
                + "\"Vĩnh Phúc\";99,41;\"..\"\n"
                + "\"Quảng Trị\";104,71;108,72\n";
        String down = "\"Chỉ số sản xuất công nghiệp (Năm trước = 100)\"\n"
                + "\"Năm\";\"Vĩnh Phúc\";\"Quảng Trị\"\n"
                + "\"2020\";99,41;104,71\n"
                + "\"2021 Sơ bộ\";\"..\";108,72\n";
        Map<String, String> sidecar = Map.of("release_date", "2022-06-30", "publisher", "GSO");
        List<String> expected = List.of("2020 26 TOTAL annual_yoy -0.59 null row 3, column '2020'",
                "2020 45 TOTAL annual_yoy 4.71 null row 4, column '2020'",
                "2021 26 TOTAL annual_yoy null preliminary row 3, column '2021 Sơ bộ'",
                "2021 45 TOTAL annual_yoy 8.72 preliminary row 4, column '2021 Sơ bộ'");
        assertEquals(expected, figures(PxWebCsvReader.read("/in/across.csv", bytes(across), sidecar)));
        assertEquals(List.of("2020 26 TOTAL annual_yoy -0.59 null row 3, column 'Vĩnh Phúc'",
                "2020 45 TOTAL annual_yoy 4.71 null row 3, column 'Quảng Trị'",
                "2021 26 TOTAL annual_yoy null preliminary row 4, column 'Vĩnh Phúc'",
                "2021 45 TOTAL annual_yoy 8.72 preliminary row 4, column 'Quảng Trị'"),
                figures(PxWebCsvReader.read("/in/down.csv", bytes(down), sidecar)));
    }

    @Test
    void aStubColumnOfIndustryNamesIsReadAsIndustriesEvenWithoutAHeaderSayingSo() {
        String csv = "\"Chỉ tiêu\";\"2021\"\n\"Toàn ngành công nghiệp\";104,7\n\"Khai khoáng\";94,3\n";
        assertEquals(List.of("2021 VN B annual_yoy -5.7 null row 3, column '2021'",
                "2021 VN TOTAL annual_yoy 4.7 null row 2, column '2021'"),
                figures(PxWebCsvReader.read("/in/x.csv", bytes(csv), Map.of("release_date", "2022-06-30",
                        "publisher", "GSO", "comparison", "annual_yoy"))));
    }

    @Test
    void textWithoutAPeriodAxisIsNotAPxWebTable() {
        assertNull(PxWebCsvReader.read("/in/x.csv", bytes("a;b\n1;2\n"), Map.of()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> figures(ParsedExtract parsed) {
        assertNull(parsed.fileRuleId(), parsed.fileMessage());
        return parsed.rows().stream().map(row -> {
            ConformedRow result = CONFORMER.conform(row.fields(), "x.csv", row.place());
            Observation o = result.observation();
            return o == null ? result.reason() : String.join(" ", o.period().label(), o.geoCode(), o.industryCode(),
                    o.comparison(), String.valueOf(o.valuePct()), String.valueOf(o.status()), row.place());
        }).sorted().toList();
    }
}
