package vn.iip.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One query's rows into one file, streamed a partition at a time through the driver (a file is one stream, and an
 * analyst's export is a view or a query, not a table of hundreds of millions of rows). The file is written beside
 * its target and renamed at the end, so a failed export leaves no half file; any Hadoop URI works as the target.
 */
public final class Exports {
    private Exports() {}

    /** What an export wrote. */
    public record Written(String file, ExportFormat format, long rows) {}

    /**
     * @param rows   the rows to write, in their order
     * @param source what they are, for messages and the workbook's sheet (a view name, or "query")
     * @param bom    a UTF-8 byte-order mark before a CSV file (Excel then reads it as UTF-8)
     */
    public static Written write(Dataset<Row> rows, String source, ExportFormat format, String file, boolean bom,
                                Configuration hadoop) {
        Dataset<Row> output = format == ExportFormat.SDMX_CSV ? SdmxCsv.observations(rows, source) : rows;
        // Its own instance: no checksum sidecar (.name.crc) beside a local file, and Spark's cached one is untouched.
        try (FileSystem fs = FileSystem.newInstance(new Path(file).toUri(), hadoop)) {
            fs.setWriteChecksum(false);
            Path target = fs.makeQualified(new Path(file));
            Path partial = new Path(target.getParent(), "." + target.getName() + ".partial");
            long count;
            try (OutputStream out = fs.create(partial, true)) {
                count = write(output, source, format, bom, out);
            } catch (RuntimeException | IOException e) {
                fs.delete(partial, false);
                throw e;
            }
            if (fs.exists(target) && !fs.delete(target, false) || !fs.rename(partial, target)) {
                throw new IOException("cannot replace " + target + " by the export written beside it");
            }
            return new Written(target.toString(), format, count);
        } catch (IOException e) {
            throw new vn.iip.IipException("Cannot write the export to " + file + ": " + e.getMessage()
                    + "; check that its folder exists and can be written", e);
        }
    }

    private static long write(Dataset<Row> output, String source, ExportFormat format, boolean bom, OutputStream out)
            throws IOException {
        Iterator<Row> iterator = output.toLocalIterator();
        if (format == ExportFormat.XLSX) {
            return XlsxOutput.write(out, output.schema(), iterator, sheetName(source));
        }
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        PrintStream text = new PrintStream(out, false, StandardCharsets.UTF_8);
        Counting counted = new Counting(iterator);
        CsvOutput.write(text, output.columns(), counted);
        if (text.checkError()) {
            throw new IOException("the output stream failed while writing");
        }
        return counted.count;
    }

    /** Excel's sheet names: at most 31 characters, none of []:*?/\. */
    static String sheetName(String source) {
        String name = source.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private static final class Counting implements Iterator<Row> {
        private final Iterator<Row> rows;
        private long count;

        Counting(Iterator<Row> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Row next() {
            count++;
            return rows.next();
        }
    }
}
