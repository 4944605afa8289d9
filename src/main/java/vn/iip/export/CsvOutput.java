package vn.iip.export;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/** RFC 4180 CSV: header row, fields quoted when they hold a comma, quote or line break; empty field for null. */
public final class CsvOutput {
    private CsvOutput() {}

    public static void write(PrintStream out, String[] header, Iterator<Row> rows) {
        out.print(line(header));
        while (rows.hasNext()) {
            Row row = rows.next();
            String[] cells = new String[row.size()];
            for (int i = 0; i < row.size(); i++) {
                cells[i] = text(row.get(i));
            }
            out.print(line(cells));
        }
        out.flush();
    }

    /**
     * A plain aligned table for people (the non --csv output of iip sql). Column widths come from the first
     * {@link #WIDTH_SAMPLE} rows, so a long result streams through instead of being held in memory.
     */
    public static void table(PrintStream out, String[] header, Iterator<Row> rows) {
        List<String[]> sample = new ArrayList<>();
        while (sample.size() < WIDTH_SAMPLE && rows.hasNext()) {
            sample.add(cells(rows.next(), header.length));
        }
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] cells : sample) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendAligned(text, header, widths);
        for (String[] cells : sample) {
            appendAligned(text, cells, widths);
        }
        out.print(text);
        long count = sample.size();
        while (rows.hasNext()) {
            text.setLength(0);
            appendAligned(text, cells(rows.next(), header.length), widths);
            out.print(text);
            count++;
        }
        out.print("(" + count + (count == 1 ? " row)" : " rows)") + "\n");
        out.flush();
    }

    static final int WIDTH_SAMPLE = 1000;

    private static String[] cells(Row row, int columns) {
        String[] cells = new String[columns];
        for (int i = 0; i < columns; i++) {
            cells[i] = row.isNullAt(i) ? "NULL" : text(row.get(i));
        }
        return cells;
    }

    private static void appendAligned(StringBuilder text, String[] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            text.append(i == 0 ? "" : " | ").append(cells[i]).append(" ".repeat(Math.max(0, widths[i] - cells[i].length())));
        }
        text.append('\n');
    }

    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            // Plain notation (no 1.0E-4), shortest form that reads back to the same double.
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            BigDecimal plain = BigDecimal.valueOf(d).stripTrailingZeros();
            return (plain.scale() < 1 ? plain.setScale(1) : plain).toPlainString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString(); // UTC, ISO 8601, whatever the JVM's zone
        }
        if (value instanceof Float f) {
            return text(f.doubleValue());
        }
        return value.toString();
    }

    public static String line(String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(cells[i]));
        }
        return line.append('\n').toString();
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
