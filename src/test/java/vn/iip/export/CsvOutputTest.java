package vn.iip.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvOutputTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "plain          | plain",
            "'a,b'          | '\"a,b\"'",
            "'say \"hi\"'   | '\"say \"\"hi\"\"\"'",
    })
    void quotesOnlyWhenNeeded(String cell, String expected) {
        assertEquals(expected, CsvOutput.quote(cell));
    }

    @Test
    void quotesLineBreaks() {
        assertEquals("\"two\nlines\"", CsvOutput.quote("two\nlines"));
    }

    @Test
    void writesHeaderAndPlainNumbers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvOutput.write(new PrintStream(out, true, StandardCharsets.UTF_8), new String[] {"value_pct", "note", "day"},
                List.of(RowFactory.create(19.17, "Quảng Ninh, TOTAL", Date.valueOf("2021-11-29")),
                        RowFactory.create(0.0001, null, null), RowFactory.create(-2.8, "", null),
                        RowFactory.create(100.0, "x", null)).iterator());
        assertEquals("value_pct,note,day\n19.17,\"Quảng Ninh, TOTAL\",2021-11-29\n0.0001,,\n-2.8,,\n100.0,x,\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tableAlignsOnItsFirstRowsAndStreamsTheRest() {
        java.util.List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < CsvOutput.WIDTH_SAMPLE; i++) {
            rows.add(RowFactory.create("HN", 1.5));
        }
        rows.add(RowFactory.create("Quảng Ninh", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvOutput.table(new PrintStream(out, true, StandardCharsets.UTF_8), new String[] {"geo", "value_pct"},
                rows.iterator());
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(CsvOutput.WIDTH_SAMPLE + 3, lines.length);
        assertEquals("geo | value_pct", lines[0]);
        assertEquals("HN  | 1.5      ", lines[1]);
        // A value wider than the sampled ones is printed whole; the table stays readable, nothing is cut.
        assertEquals("Quảng Ninh | NULL     ", lines[CsvOutput.WIDTH_SAMPLE + 1]);
        assertEquals("(" + (CsvOutput.WIDTH_SAMPLE + 1) + " rows)", lines[CsvOutput.WIDTH_SAMPLE + 2]);
    }
}
