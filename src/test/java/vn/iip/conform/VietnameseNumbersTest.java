package vn.iip.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseNumbersTest {

    @ParameterizedTest(name = "''{0}'' reads {1} with {2} decimals")
    @CsvSource(delimiter = '|', value = {
            "105,5      | 105.5    | 1",
            "-2,8       | -2.8     | 1",
            "−2,8       | -2.8     | 1",
            "+5,5       | 5.5      | 1",
            "93,60      | 93.60    | 2",
            "1.112,80   | 1112.80  | 2",
            "1.234.567  | 1234567  | 0",
            "5.5        | 5.5      | 1",
            "12.34      | 12.34    | 2",
            "0.125      | 0.125    | 3",
            "1,234      | 1.234    | 3",
            "119,17     | 119.17   | 2",
            "1,112.80   | 1112.80  | 2",
            "5,5%       | 5.5      | 1",
            "' 106,4 '  | 106.4    | 1",
            "1 112,8    | 1112.8   | 1",
            "100        | 100      | 0",
    })
    void readsPublishedNumbers(String raw, String expected, int decimals) {
        Outcome<PublishedNumber> outcome = VietnameseNumbers.parse(raw);
        assertTrue(outcome.isOk(), () -> outcome.message());
        assertEquals(0, new BigDecimal(expected).compareTo(outcome.value().value()), raw);
        assertEquals(decimals, outcome.value().decimals(), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "...", "", "  ", "n/a"})
    void readsNotAvailable(String raw) {
        Outcome<PublishedNumber> outcome = VietnameseNumbers.parse(raw);
        assertTrue(outcome.isOk());
        assertFalse(outcome.value().available());
        assertNull(outcome.value().value());
    }

    @ParameterizedTest(name = "''{0}'' is rejected by {1}")
    @CsvSource(delimiter = '|', value = {
            "1.234     | value_ambiguous",
            "-105.500  | value_ambiguous",
            "abc       | value_invalid",
            "12,3,4    | value_invalid",
            "1.2.3     | value_invalid",
            "10,5.3    | value_invalid",
            "5,5x      | value_invalid",
            "1e5       | value_invalid",
            "-         | value_ambiguous",
    })
    void rejectsWhatCannotBeReadSafely(String raw, String rule) {
        Outcome<PublishedNumber> outcome = VietnameseNumbers.parse(raw);
        assertEquals(rule, outcome.ruleId(), raw);
        assertTrue(outcome.message().contains("'" + raw + "'"), outcome.message());
    }

    @org.junit.jupiter.api.Test
    void explainsTheAmbiguity() {
        assertEquals("value '1.234' is ambiguous: with a thousands dot it reads 1234, with a decimal dot 1.234;"
                + " write it with a decimal comma ('1,234') or without grouping", VietnameseNumbers.parse("1.234").message());
    }
}
