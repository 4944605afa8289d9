package vn.iip.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iip.testing.SharedWarehouse;

/** Exports of the shared warehouse's gold: CSV with a BOM, a typed workbook, SDMX-CSV 2.0 (also from the CLI). */
class ExportsTest {
    /** Quảng Ninh led November 2021 at +19.17 % on October (MOIT round-up, IIP-DOMAIN.md). */
    static final String QUANG_NINH = "SELECT period, geo_code, geo_name_vi, comparison_inferred, value_pct,"
            + " release_date FROM iip_gold.v_iip_latest WHERE period = '2021-11' AND geo_code = '22'"
            + " AND industry_code = 'TOTAL' AND measure = 'iip' AND comparison = 'mom'";
    static final String HEADER = "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,ACTIVITY,COMPARISON,MEASURE,TIME_PERIOD,"
            + "OBS_VALUE,UNIT_MEASURE,OBS_STATUS,RELEASE_DATE";

    static SparkSession spark;

    @TempDir
    static Path folder;

    @BeforeAll
    static void session() {
        spark = SharedWarehouse.spark();
    }

    private static Exports.Written export(Dataset<Row> rows, String source, ExportFormat format, String name,
                                          boolean bom) {
        return Exports.write(rows, source, format, folder.resolve(name).toString(), bom,
                spark.sparkContext().hadoopConfiguration());
    }

    @Test
    void csvWithAByteOrderMarkKeepsVietnameseNames() throws Exception {
        Exports.Written written = export(spark.sql(QUANG_NINH), "query", ExportFormat.CSV, "quang-ninh.csv", true);
        byte[] bytes = Files.readAllBytes(folder.resolve("quang-ninh.csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String release = String.valueOf(spark.sql(QUANG_NINH).first().get(5));
        assertEquals("period,geo_code,geo_name_vi,comparison_inferred,value_pct,release_date\n"
                + "2021-11,22,Quảng Ninh,true,19.17," + release + "\n",
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertEquals(1, written.rows());
        assertTrue(listing().contains("quang-ninh.csv"), listing().toString());
        assertTrue(listing().stream().noneMatch(n -> n.endsWith(".partial") || n.endsWith(".crc")),
                listing().toString());
    }

    @Test
    void aWorkbookHasABoldFrozenHeaderAndTypedCells() throws Exception {
        export(spark.sql(QUANG_NINH), "query", ExportFormat.XLSX, "quang-ninh.xlsx", false);
        try (InputStream in = Files.newInputStream(folder.resolve("quang-ninh.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheet("query");
            assertTrue(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertEquals("value_pct", sheet.getRow(0).getCell(4).getStringCellValue());
            var row = sheet.getRow(1);
            assertEquals(CellType.STRING, row.getCell(2).getCellType());
            assertEquals("Quảng Ninh", row.getCell(2).getStringCellValue());
            assertEquals(CellType.BOOLEAN, row.getCell(3).getCellType());
            assertEquals(CellType.NUMERIC, row.getCell(4).getCellType());
            assertEquals(19.17, row.getCell(4).getNumericCellValue(), 0);
            assertTrue(DateUtil.isCellDateFormatted(row.getCell(5)));
            assertEquals(spark.sql(QUANG_NINH).first().getDate(5).toLocalDate(),
                    row.getCell(5).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(1, sheet.getLastRowNum());
        }
    }

    @Test
    void sdmxCsvHasItsHeaderAndTheFiguresAsObservations() throws Exception {
        Dataset<Row> latest = spark.table("iip_gold.v_iip_latest");
        Exports.Written written = export(latest, "v_iip_latest", ExportFormat.SDMX_CSV, "iip.csv", false);
        List<String> lines = Files.readAllLines(folder.resolve("iip.csv"));
        assertEquals(HEADER, lines.get(0));
        assertEquals(latest.count(), written.rows());
        assertEquals(written.rows() + 1, lines.size());
        // Manufacturing, Nov-2021 YoY: first printed 6.4, revised to 8.6 on 2022-01-05 (IIP-DOMAIN.md, section 0).
        Row manufacturing = spark.sql("SELECT status FROM iip_gold.v_iip_latest WHERE period = '2021-11' AND geo_code"
                + " = 'VN' AND industry_code = 'C' AND comparison = 'yoy' AND measure = 'iip'").first();
        String status = manufacturing.isNullAt(0) ? "" : switch (manufacturing.getString(0)) {
            case "final" -> "A";
            case "preliminary" -> "P";
            case "estimate" -> "E";
            default -> "";
        };
        assertTrue(lines.contains("dataflow,IIP_VN:DF_IIP(1.0),I,M,VN,C,YOY,IIP,2021-11,8.6,PC," + status
                + ",2022-01-05"), String.join("\n", lines.subList(0, 20)));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("dataflow,IIP_VN:DF_IIP(1.0),I,M,VN63_22,_T,MOM,"
                + "IIP,2021-11,19.17,PC,")).count());
        // Every line has the header's 13 fields (no value holds a comma here).
        assertTrue(lines.stream().allMatch(l -> l.split(",", -1).length == 13));
    }

    @Test
    void aViewWithoutTheFiguresColumnsIsRefusedAndNoFileIsLeft() {
        vn.iip.IipException refused = assertThrows(vn.iip.IipException.class, () -> export(
                spark.table("iip_gold.v_iip_monthly_wide"), "v_iip_monthly_wide", ExportFormat.SDMX_CSV, "wide.csv",
                false));
        assertEquals("SDMX-CSV needs the figures' columns, and v_iip_monthly_wide lacks period_type, comparison,"
                + " measure, value_pct, index_value, status, release_date; export v_iip_latest, v_iip_first_release,"
                + " iip_as_of(…) or v_iip_computed_latest, or use --format csv", refused.getMessage());
        assertFalse(listing().contains("wide.csv"));
        assertFalse(listing().contains(".wide.csv.partial"));
    }

    /** The command as jobs/iip runs it (in this JVM: the shared warehouse's embedded catalog admits one JVM). */
    @Test
    void theCommandWritesAValidSdmxCsvFile() throws Exception {
        Path out = folder.resolve("cli.csv");
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        int code = vn.iip.cli.Main.execute(new String[] {"export", "--warehouse", SharedWarehouse.root().toString(),
                "--view", "v_iip_latest", "--format", "sdmx-csv", "--out", out.toString()},
                new java.io.PrintStream(stdout, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        long rows = spark.table("iip_gold.v_iip_latest").count();
        assertEquals("export  " + rows + " row(s) of iip_gold.v_iip_latest -> file:" + out + " (sdmx-csv)\n",
                stdout.toString(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(out);
        assertEquals(HEADER, lines.get(0));
        assertEquals(rows + 1, lines.size());
    }

    private static List<String> listing() {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
