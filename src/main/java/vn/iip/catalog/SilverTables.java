package vn.iip.catalog;

import static vn.iip.catalog.ColumnSpec.of;

import java.util.ArrayList;
import java.util.List;

/** iip_silver: typed observations (one per published figure per release), quarantine and the run log. */
public final class SilverTables {
    private SilverTables() {}

    public static final String SCHEMA = "iip_silver";

    /** Columns shared by silver observations and gold facts: what was published, by whom, when. */
    static final List<ColumnSpec> FIGURE = List.of(
            of("observation_id", "STRING", "Hash of release and observation key", "Mã quan sát (băm)"),
            of("release_id", "STRING", "Release: publisher@release_date", "Mã đợt công bố"),
            of("release_date", "DATE", "Day the figure was published", "Ngày công bố"),
            of("publisher", "STRING", "Who published it (GSO, NSO, MOIT, provincial office)", "Cơ quan công bố"),
            of("period", "STRING", "Reference period: YYYY, YYYY-MM or YYYY-Qn; ytd = last month of window",
                    "Kỳ báo cáo"),
            of("period_type", "STRING", "month, quarter or year", "Loại kỳ: tháng, quý, năm"),
            of("period_start", "DATE", "First day of the period", "Ngày đầu kỳ"),
            of("period_end", "DATE", "Last day of the period", "Ngày cuối kỳ"),
            of("geo_code", "STRING", "VN or the 2-digit province code in geo_version", "Mã địa bàn"),
            of("geo_version", "STRING", "vn63 (until 2025-06-30) or vn34 (from 2025-07-01)", "Phiên bản địa giới"),
            of("industry_code", "STRING", "TOTAL, section B-E, or division such as C24", "Mã ngành VSIC 2018"),
            of("comparison", "STRING", "mom, yoy, ytd_yoy, q_yoy or annual_yoy", "Gốc so sánh"),
            of("comparison_inferred", "BOOLEAN", "True when the source implied the comparison without stating it",
                    "Gốc so sánh được suy ra, nguồn không nêu rõ"),
            of("measure", "STRING", "iip or contribution_pp", "Chỉ tiêu: IIP hoặc điểm phần trăm đóng góp"),
            of("value_pct", "DOUBLE", "Growth in % (pp for contributions); null if not available",
                    "Tốc độ tăng (%) hoặc điểm phần trăm"),
            of("index_value", "DOUBLE", "Index with comparison base = 100 (100 + value_pct) for iip",
                    "Chỉ số (kỳ gốc = 100)"),
            of("value_published", "STRING", "The value text as published", "Giá trị như đã công bố"),
            of("unit_published", "STRING", "Unit as published: index, pct or pp", "Đơn vị công bố"),
            of("decimals_published", "INT", "Decimals as published", "Số chữ số thập phân công bố"),
            of("status", "STRING", "estimate, preliminary, final or null", "Trạng thái: ước tính, sơ bộ, chính thức"),
            of("source", "STRING", "URL or citation of the source", "Nguồn trích dẫn"),
            of("file_sha256", "STRING", "Lineage: SHA-256 of the extract file", "Dòng dõi: mã băm tệp"),
            of("row_number", "INT", "Lineage: row of the extract file (cell position in workbooks and PC-Axis)",
                    "Dòng dõi: số dòng trong tệp"),
            of("source_place", "STRING", "Lineage: place in the file: row N, Sheet!D7, or PC-Axis variable values",
                    "Dòng dõi: vị trí trong tệp (dòng, ô, giá trị biến)"));

    public static final TableSpec OBSERVATION = new TableSpec(SCHEMA, "observation",
            "Typed, conformed published figures, one per release and key, with lineage / Số liệu đã chuẩn hóa",
            concat(FIGURE, List.of(
                    of("geo_input", "STRING", "The geo text as written in the extract", "Địa bàn như trong tệp"),
                    of("product_name", "STRING", "Main products (measure product_*): the product as published",
                            "Sản phẩm chủ yếu (như công bố)"),
                    of("quantity_unit", "STRING", "Main products: unit of the quantity, e.g. Nghìn tấn, Triệu kWh",
                            "Đơn vị tính của sản lượng"),
                    of("quantity", "DOUBLE", "Main products: quantity produced (measure product_quantity)",
                            "Sản lượng sản phẩm"),
                    of("file_path", "STRING", "Lineage: path of the extract file", "Dòng dõi: đường dẫn tệp"),
                    of("run_id", "STRING", "Run that conformed the row", "Mã lần chạy"),
                    of("ingested_at", "TIMESTAMP", "When the row was conformed (UTC)", "Thời điểm nạp (UTC)"))));

    public static final TableSpec QUARANTINE = new TableSpec(SCHEMA, "quarantine",
            "Rows that broke a rule, with the raw row, the rule and how to fix it / Dòng bị cách ly và lý do",
            List.of(
                    of("file_sha256", "STRING", "SHA-256 of the file the row came from", "Mã băm của tệp nguồn"),
                    of("file_path", "STRING", "Path of the file", "Đường dẫn tệp"),
                    of("row_number", "INT", "Line where the row starts (header = 1); cell position in workbooks and"
                            + " PC-Axis files", "Số dòng trong tệp (hoặc thứ tự ô)"),
                    of("source_place", "STRING", "Place in the file: row N, Sheet!D7, or PC-Axis variable values",
                            "Vị trí trong tệp: dòng, ô Sheet!D7 hoặc giá trị biến PC-Axis"),
                    of("raw_text", "STRING", "The row text as received", "Nội dung dòng nguyên gốc"),
                    of("column_name", "STRING", "Column whose value broke the rule (null for row/file rules)",
                            "Cột vi phạm"),
                    of("raw_value", "STRING", "The offending value as received", "Giá trị vi phạm"),
                    of("rule_id", "STRING", "Stable rule id, e.g. geo_unknown (README lists them)", "Mã quy tắc"),
                    of("reason", "STRING", "The problem, its cause and the fix, naming file and row",
                            "Lý do và cách sửa"),
                    of("run_id", "STRING", "Run that quarantined the row", "Mã lần chạy"),
                    of("ingested_at", "TIMESTAMP", "When the row was quarantined (UTC)", "Thời điểm cách ly (UTC)")));

    public static final TableSpec RUN_LOG = new TableSpec(SCHEMA, "run_log",
            "One row per pipeline run with its counts; rows read = observations + quarantined / Nhật ký chạy",
            List.of(
                    of("run_id", "STRING", "Run id", "Mã lần chạy"),
                    of("started_at", "TIMESTAMP", "Start (UTC)", "Bắt đầu (UTC)"),
                    of("finished_at", "TIMESTAMP", "End (UTC)", "Kết thúc (UTC)"),
                    of("input_uri", "STRING", "Input folder or bundled samples", "Thư mục đầu vào"),
                    of("files_seen", "INT", "Files found in the input", "Số tệp tìm thấy"),
                    of("files_new", "INT", "Files ingested by this run", "Số tệp mới"),
                    of("files_skipped", "INT", "Byte-identical files already ingested", "Số tệp bỏ qua (đã nạp)"),
                    of("files_rejected", "INT", "New files rejected whole", "Số tệp bị từ chối"),
                    of("rows_read", "BIGINT", "Data rows read from new files", "Số dòng đã đọc"),
                    of("observations_added", "BIGINT", "Rows that became observations", "Số quan sát mới"),
                    of("quarantined_added", "BIGINT", "Rows sent to quarantine", "Số dòng bị cách ly"),
                    of("total_rows", "BIGINT", "All rows in bronze after the run", "Tổng số dòng bronze"),
                    of("total_observations", "BIGINT", "All observations after the run", "Tổng số quan sát"),
                    of("total_quarantined", "BIGINT", "All quarantined rows after the run", "Tổng số dòng cách ly"),
                    of("conservation_ok", "BOOLEAN", "rows = observations + quarantined, for the run and in total",
                            "Bảo toàn số dòng"),
                    of("facts_published", "BIGINT", "Rows in gold fact_iip_release after the run",
                            "Số dòng bảng sự kiện"),
                    of("outcome", "STRING", "succeeded or failed", "Kết quả"),
                    of("message", "STRING", "Why the run failed, if it did", "Thông báo"),
                    of("elapsed_seconds", "DOUBLE", "Wall time of the run", "Thời gian chạy (giây)"),
                    of("mode", "STRING", "load, or reprocess (run --reprocess: bronze conformed again)",
                            "Chế độ: nạp hoặc xử lý lại"),
                    of("moved_from_quarantine", "BIGINT", "Reprocess: rows that left quarantine (now observations)",
                            "Số dòng ra khỏi cách ly khi xử lý lại"),
                    of("moved_to_quarantine", "BIGINT", "Reprocess: observations that entered quarantine",
                            "Số dòng vào cách ly khi xử lý lại")));

    public static List<TableSpec> all() {
        List<TableSpec> all = new ArrayList<>(List.of(OBSERVATION, QUARANTINE, RUN_LOG));
        all.addAll(SurveyTables.silver());
        return List.copyOf(all);
    }

    static List<ColumnSpec> concat(List<ColumnSpec> first, List<ColumnSpec> second) {
        List<ColumnSpec> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
