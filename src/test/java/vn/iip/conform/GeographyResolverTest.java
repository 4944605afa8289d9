package vn.iip.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.iip.reference.GeoUnit;
import vn.iip.reference.ReferenceData;

class GeographyResolverTest {
    private final GeographyResolver resolver = new GeographyResolver(ReferenceData.get());

    private Outcome<GeographyResolver.Geo> resolve(String raw, String month) {
        YearMonth ym = YearMonth.parse(month);
        return resolver.resolve(raw, ym.atDay(1), ym.atEndOfMonth());
    }

    @ParameterizedTest(name = "{0} in {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "VN                  | 2021-11 | VN | vn63",
            "Cả nước             | 2021-11 | VN | vn63",
            "Toàn quốc           | 2025-08 | VN | vn34",
            "22                  | 2021-11 | 22 | vn63",
            "1                   | 2021-11 | 01 | vn63",
            "Quảng Ninh          | 2021-11 | 22 | vn63",
            "Quang Ninh          | 2021-11 | 22 | vn63",
            "QUẢNG NINH          | 2021-11 | 22 | vn63",
            "Tỉnh Quảng Ninh     | 2021-11 | 22 | vn63",
            "Thanh Hoá           | 2021-11 | 38 | vn63",
            "Thanh Hóa           | 2021-11 | 38 | vn63",
            "Hoà Bình            | 2021-09 | 17 | vn63",
            "Hòa Bình            | 2021-09 | 17 | vn63",
            "Ðồng Nai            | 2021-11 | 75 | vn63",
            "Đồng Nai            | 2021-11 | 75 | vn63",
            "TP. Hồ Chí Minh     | 2021-08 | 79 | vn63",
            "Thành phố Hồ Chí Minh | 2021-08 | 79 | vn63",
            "Ho Chi Minh City    | 2021-08 | 79 | vn63",
            "TP HCM              | 2021-08 | 79 | vn63",
            "Hanoi               | 2021-05 | 01 | vn63",
            "Thừa Thiên Huế      | 2021-11 | 46 | vn63",
            "Thua Thien Hue      | 2021-11 | 46 | vn63",
            "Thành phố Huế       | 2025-03 | 46 | vn63",
            "Huế                 | 2025-08 | 46 | vn34",
            "Thừa Thiên Huế      | 2025-08 | 46 | vn34",
            "Bà Rịa - Vũng Tàu   | 2021-08 | 77 | vn63",
            "Bà Rịa – Vũng Tàu   | 2021-08 | 77 | vn63",
            "Bắc Ninh            | 2025-06 | 27 | vn63",
            "Bắc Ninh            | 2025-07 | 24 | vn34",
            "24                  | 2025-06 | 24 | vn63",
            "24                  | 2025-07 | 24 | vn34",
            "Bắc Giang           | 2025-06 | 24 | vn63",
            "Lào Cai             | 2025-06 | 10 | vn63",
            "Lào Cai             | 2025-07 | 15 | vn34",
            "15                  | 2025-06 | 15 | vn63",
            "An Giang            | 2025-07 | 91 | vn34",
            "Kiên Giang          | 2025-06 | 91 | vn63",
            "TP. Cần Thơ         | 2021-11 | 92 | vn63",
            "Dak Lak             | 2021-10 | 66 | vn63",
            "22 Quảng Ninh       | 2021-11 | 22 | vn63",
            "46 Huế              | 2021-11 | 46 | vn63",
            "24 - Bắc Ninh       | 2025-08 | 24 | vn34",
    })
    void resolvesInTheGeographyOfThePeriod(String raw, String month, String code, String version) {
        Outcome<GeographyResolver.Geo> outcome = resolve(raw, month);
        assertTrue(outcome.isOk(), outcome::message);
        assertEquals(new GeographyResolver.Geo(code, version), outcome.value());
    }

    @Test
    void annualAndQuarterPeriodsUseTheGeographyAtTheirEnd() {
        assertEquals("vn34", resolver.resolve("24", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).value().version());
        assertEquals("vn63", resolver.resolve("24", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30)).value().version());
    }

    @Test
    void suggestsTheClosestProvince() {
        Outcome<GeographyResolver.Geo> outcome = resolve("Quang Nihn", "2021-11");
        assertEquals(Rules.GEO_UNKNOWN, outcome.ruleId());
        assertEquals("Cannot resolve province 'Quang Nihn': no match among the 63 units of vn63; did you mean"
                + " 'Quảng Ninh' (22)?; fix the spelling or use the 2-digit code", outcome.message());
    }

    @Test
    void explainsAProvinceThatNoLongerExists() {
        Outcome<GeographyResolver.Geo> outcome = resolve("Bình Dương", "2025-08");
        assertEquals(Rules.GEO_NOT_IN_VERSION, outcome.ruleId());
        assertEquals("'Bình Dương' is Bình Dương of the 63-province list, which ended on 2025-06-30 (merged into 79"
                + " Hồ Chí Minh); periods from 2025-07 use the 34 units: use 79 or check the period", outcome.message());
        Outcome<GeographyResolver.Geo> code = resolve("27", "2025-09");
        assertEquals(Rules.GEO_NOT_IN_VERSION, code.ruleId());
        assertTrue(code.message().startsWith("code 27 is Bắc Ninh of the 63-province list"), code.message());
    }

    @Test
    void rejectsACodeThatContradictsItsName() {
        Outcome<GeographyResolver.Geo> outcome = resolve("27 Bắc Giang", "2021-11");
        assertEquals(Rules.GEO_UNKNOWN, outcome.ruleId());
        assertEquals("geo '27 Bắc Giang' names Bắc Giang (24) but gives code 27 (Bắc Ninh) in vn63; correct the code"
                + " or the name", outcome.message());
    }

    @Test
    void aReusedCodeWithItsOldNameIsNotReadAsTheNewUnit() {
        Outcome<GeographyResolver.Geo> outcome = resolve("24 Bắc Giang", "2025-08");
        assertEquals(Rules.GEO_NOT_IN_VERSION, outcome.ruleId());
        assertTrue(outcome.message().startsWith("'24 Bắc Giang' is Bắc Giang of the 63-province list"), outcome.message());
    }

    @Test
    void rejectsUnknownCodesAndPeriodsBefore2008() {
        assertEquals(new GeographyResolver.Geo("VN", "vn63"), resolve("VN", "2007-05").value());
        assertEquals(Rules.GEO_UNKNOWN, resolve("99", "2021-11").ruleId());
        assertEquals(Rules.GEO_UNKNOWN, resolve("Hà Tây", "2021-11").ruleId());
        assertEquals(Rules.GEO_NOT_IN_VERSION, resolve("01", "2007-05").ruleId());
    }

    @Test
    void everyNameIsItsOwnKeyInBothVersions() {
        // Folding tone marks must not make two units collide.
        for (String version : new String[] {ReferenceData.VN63, ReferenceData.VN34}) {
            Map<String, String> seen = new HashMap<>();
            for (GeoUnit unit : ReferenceData.get().geography()) {
                if (unit.version().equals(version) && !unit.isCountry()) {
                    String previous = seen.put(GeographyResolver.nameKey(unit.nameVi()), unit.code());
                    assertTrue(previous == null || previous.equals(unit.code()), unit.nameVi() + " collides");
                }
            }
        }
        assertEquals(63, ReferenceData.get().geography().stream()
                .filter(u -> u.version().equals("vn63") && !u.isCountry()).map(GeoUnit::code).distinct().count());
        assertEquals(34, ReferenceData.get().geography().stream()
                .filter(u -> u.version().equals("vn34") && !u.isCountry()).count());
    }
}
