package vn.iip.catalog;

import static vn.iip.catalog.ColumnSpec.of;

import java.util.List;

/** iip_bronze: landing files and their rows exactly as received. Append-only. */
public final class BronzeTables {
    private BronzeTables() {}

    public static final String SCHEMA = "iip_bronze";

    public static final TableSpec EXTRACT_FILE = new TableSpec(SCHEMA, "extract_file",
            "One row per landing file ingested (byte-identical files are skipped) / Mỗi dòng là một tệp dữ liệu đã nạp",
            List.of(
                    of("sha256", "STRING", "SHA-256 of the file bytes: the file identity", "Mã băm SHA-256 của tệp"),
                    of("path", "STRING", "Path or URI the file was read from", "Đường dẫn tệp"),
                    of("file_name", "STRING", "File name without folders", "Tên tệp"),
                    of("size_bytes", "BIGINT", "File size in bytes", "Kích thước tệp (byte)"),
                    of("format", "STRING", "Detected extract format, e.g. long_csv", "Định dạng tệp"),
                    of("encoding", "STRING", "Detected text encoding", "Bảng mã ký tự"),
                    of("delimiter", "STRING", "Detected field delimiter", "Ký tự phân cách"),
                    of("data_rows", "INT", "Number of data rows read (header and blank lines excluded)",
                            "Số dòng dữ liệu đã đọc"),
                    of("outcome", "STRING", "ingested, or rejected (every row then went to quarantine)",
                            "Kết quả: đã nạp hoặc bị từ chối"),
                    of("outcome_reason", "STRING", "Why the whole file was rejected, if it was", "Lý do từ chối cả tệp"),
                    of("reader_notes", "STRING", "What the reader left out (sheets without a table, columns naming"
                            + " no period) and the file's own notes (PC-Axis NOTE)",
                            "Ghi chú của bộ đọc: trang tính, cột bị bỏ qua; ghi chú của tệp"),
                    of("ingested_at", "TIMESTAMP", "When the file was ingested (UTC)", "Thời điểm nạp (UTC)"),
                    of("run_id", "STRING", "Run that ingested the file", "Mã lần chạy")));

    public static final TableSpec EXTRACT_ROW = new TableSpec(SCHEMA, "extract_row",
            "Every data row exactly as received, with file and row number / Mọi dòng dữ liệu nguyên gốc",
            List.of(
                    of("file_sha256", "STRING", "SHA-256 of the file the row came from", "Mã băm của tệp nguồn"),
                    of("row_number", "INT", "Line where the row starts (header = 1); cell position in workbooks and"
                            + " PC-Axis files", "Số dòng trong tệp (hoặc thứ tự ô)"),
                    of("source_place", "STRING", "Place in the file: row N, Sheet!D7, or PC-Axis variable values",
                            "Vị trí trong tệp: dòng, ô Sheet!D7 hoặc giá trị biến PC-Axis"),
                    of("raw_text", "STRING", "The row text as received", "Nội dung dòng nguyên gốc"),
                    of("fields", "MAP<STRING,STRING>", "Fields by lower-case header name, as text",
                            "Các trường theo tên cột"),
                    of("read_rule_id", "STRING", "Rule broken while reading the row (null if read cleanly)",
                            "Quy tắc bị vi phạm khi đọc"),
                    of("ingested_at", "TIMESTAMP", "When the row was ingested (UTC)", "Thời điểm nạp (UTC)"),
                    of("run_id", "STRING", "Run that ingested the row", "Mã lần chạy")));

    public static List<TableSpec> all() {
        List<TableSpec> all = new java.util.ArrayList<>(List.of(EXTRACT_FILE, EXTRACT_ROW));
        all.addAll(SurveyTables.bronze());
        return List.copyOf(all);
    }
}
