package vn.iip.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.iip.reference.ReferenceData;

class IndustryResolverTest {
    private final IndustryResolver resolver = new IndustryResolver(ReferenceData.get());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "TOTAL | TOTAL", "total | TOTAL", "Toàn ngành công nghiệp | TOTAL", "TOÀN NGÀNH CÔNG NGHIỆP | TOTAL",
            "B | B", "c | C", "Khai khoáng | B", "Khai khoáng (B) | B", "Công nghiệp chế biến, chế tạo | C",
            "Cong nghiep che bien, che tao | C", "Manufacturing | C",
            "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí | D",
            "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải | E",
            "Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải | E",
            "24 | C24", "C24 | C24", "c24 | C24", "6 | B06", "B06 | B06", "35 | D35", "E39 | E39",
            "Sản xuất kim loại | C24", "sản xuất xe có động cơ | C29", "Khai thác dầu thô và khí đốt tự nhiên | B06",
            "Hoạt động dịch vụ hỗ trợ khai thác mỏ và quặng | B09",
            "Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học | C26",
            "C24 Sản xuất kim loại | C24", "C - Công nghiệp chế biến, chế tạo | C", "TOTAL - Toàn ngành | TOTAL",
    })
    void resolvesCodesAndLabels(String raw, String code) {
        Outcome<String> outcome = resolver.resolve(raw);
        assertTrue(outcome.isOk(), outcome::message);
        assertEquals(code, outcome.value());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "F | industry_out_of_scope", "45 | industry_out_of_scope", "A01 | industry_out_of_scope",
            "34 | industry_unknown", "B24 | industry_unknown", "Xây dựng | industry_unknown", "'' | industry_unknown",
    })
    void rejectsWhatIsNotAnIipIndustry(String raw, String rule) {
        assertEquals(rule, resolver.resolve(raw).ruleId(), raw);
    }

    @org.junit.jupiter.api.Test
    void namesTheRightSectionOfADivision() {
        assertEquals("industry 'B24': division 24 belongs to section C, not B; write C24", resolver.resolve("B24").message());
    }
}
