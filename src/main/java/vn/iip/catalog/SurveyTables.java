package vn.iip.catalog;

import static vn.iip.catalog.ColumnSpec.of;

import java.util.List;

/**
 * The enterprise survey's tables: its files and raw rows in iip_bronze (append-only), its typed rows, final values,
 * baskets, value added and quarantine in iip_silver. Survey rows are partitioned by period.
 */
public final class SurveyTables {
    private SurveyTables() {}

    public static final TableSpec SURVEY_FILE = new TableSpec(BronzeTables.SCHEMA, "survey_file",
            "Survey files loaded: identity (path, size, modification time) and kind / Tệp điều tra đã nạp",
            List.of(
                    of("file_path", "STRING", "Path or URI of the file", "Đường dẫn tệp"),
                    of("file_size", "BIGINT", "Size in bytes when loaded", "Kích thước (byte)"),
                    of("modified_at", "TIMESTAMP", "Modification time when loaded (UTC)", "Thời điểm sửa đổi (UTC)"),
                    of("kind", "STRING", "rounds, basket, value_added, or rejected", "Loại tệp"),
                    of("rows_read", "BIGINT", "Data rows read", "Số dòng đã đọc"),
                    of("message", "STRING", "Why a file was rejected whole", "Lý do từ chối cả tệp"),
                    of("run_id", "STRING", "Run that loaded it", "Mã lần chạy"),
                    of("ingested_at", "TIMESTAMP", "When (UTC)", "Thời điểm nạp (UTC)")));

    public static final TableSpec SURVEY_ROW = new TableSpec(BronzeTables.SCHEMA, "survey_row",
            "Survey round rows exactly as received, append-only / Dòng điều tra doanh nghiệp nguyên gốc",
            List.of(
                    of("file_path", "STRING", "File the row came from", "Tệp nguồn"),
                    of("row_number", "BIGINT", "Line in the file (header = 1)", "Số dòng trong tệp"),
                    of("period", "STRING", "Reference month as received", "Tháng báo cáo (nguyên gốc)"),
                    of("collected_on", "STRING", "Day of the survey round as received", "Ngày thu thập (nguyên gốc)"),
                    of("enterprise_id", "STRING", "Enterprise id as received", "Mã doanh nghiệp"),
                    of("province_code", "STRING", "Province code as received", "Mã tỉnh (nguyên gốc)"),
                    of("vsic4", "STRING", "VSIC class as received", "Mã ngành cấp 4 (nguyên gốc)"),
                    of("product_code", "STRING", "Product code as received", "Mã sản phẩm"),
                    of("unit", "STRING", "Unit as received", "Đơn vị tính"),
                    of("quantity", "STRING", "Quantity as received", "Sản lượng (nguyên gốc)"),
                    of("response", "STRING", "reported or no_report as received", "Tình trạng trả lời"),
                    of("extra_fields", "STRING", "The first field beyond the header's, when the row has more",
                            "Trường thừa ngoài tiêu đề"),
                    of("period_partition", "STRING", "The period if it is a month YYYY-MM, else 'invalid'",
                            "Phân vùng theo tháng"),
                    of("run_id", "STRING", "Run that loaded it", "Mã lần chạy"),
                    of("ingested_at", "TIMESTAMP", "When (UTC)", "Thời điểm nạp (UTC)")))
            .partitionedBy("period_partition");

    public static final TableSpec SURVEY_RESPONSE = new TableSpec(SilverTables.SCHEMA, "survey_response",
            "Usable survey rows, typed, one per round key / Dòng điều tra hợp lệ đã chuẩn hóa",
            List.of(
                    of("period", "STRING", "Reference month YYYY-MM", "Tháng báo cáo"),
                    of("enterprise_id", "STRING", "Enterprise", "Doanh nghiệp"),
                    of("province_code", "STRING", "Province code in the period's geography", "Mã tỉnh"),
                    of("code_version", "STRING", "vn63 (until 2025-06) or vn34", "Phiên bản địa giới của mã"),
                    of("province_vn63", "STRING", "vn63 province (periods until 2025-06)", "Tỉnh (63 tỉnh)"),
                    of("unit_vn34", "STRING", "vn34 unit (a vn63 province through the 2025 bridge)",
                            "Đơn vị hành chính (34 đơn vị)"),
                    of("region_code", "STRING", "GSO region R1-R6 (periods until 2025-06)", "Vùng kinh tế"),
                    of("vsic4", "STRING", "VSIC class as reported (the basket's is used)", "Mã ngành cấp 4"),
                    of("product_code", "STRING", "Product", "Sản phẩm"),
                    of("unit", "STRING", "Unit, as in the basket", "Đơn vị tính"),
                    of("response", "STRING", "reported or no_report", "Tình trạng trả lời"),
                    of("quantity", "DOUBLE", "Reported quantity (null for no_report)", "Sản lượng"),
                    of("collected_on", "DATE", "Day of the survey round", "Ngày thu thập"),
                    of("file_path", "STRING", "Lineage: file", "Dòng dõi: tệp"),
                    of("row_number", "BIGINT", "Lineage: line in the file", "Dòng dõi: số dòng"),
                    of("round_key", "STRING", "period|enterprise|product|collected_on", "Khóa vòng điều tra"),
                    of("content_hash", "STRING", "SHA-256 of the raw row (tells copies)", "Mã băm nội dung dòng"),
                    of("run_id", "STRING", "Run that stored it", "Mã lần chạy")))
            .partitionedBy("period");

    public static final TableSpec SURVEY_FINAL = new TableSpec(SilverTables.SCHEMA, "survey_final",
            "Final value per month, enterprise and product (latest round), with imputation / Giá trị cuối cùng",
            List.of(
                    of("period", "STRING", "Reference month", "Tháng báo cáo"),
                    of("enterprise_id", "STRING", "Enterprise", "Doanh nghiệp"),
                    of("product_code", "STRING", "Product", "Sản phẩm"),
                    of("province_code", "STRING", "Province code as reported", "Mã tỉnh"),
                    of("unit_vn34", "STRING", "vn34 unit (the imputation links' unit)", "Đơn vị 34"),
                    of("response", "STRING", "reported or no_report in the final round", "Tình trạng trả lời"),
                    of("quantity", "DOUBLE", "Reported quantity", "Sản lượng báo cáo"),
                    of("quantity_used", "DOUBLE", "Reported or imputed quantity; null if unimputable",
                            "Sản lượng sử dụng (báo cáo hoặc ước tính)"),
                    of("imputed", "BOOLEAN", "The quantity was imputed", "Được ước tính bù"),
                    of("imputation_link", "DOUBLE", "Product of the month-to-month links applied", "Hệ số nối"),
                    of("collected_on", "DATE", "Day of the final round", "Ngày thu thập vòng cuối"),
                    of("run_id", "STRING", "Run that computed it", "Mã lần chạy")))
            .partitionedBy("period");

    public static final TableSpec SURVEY_BASKET = new TableSpec(SilverTables.SCHEMA, "survey_basket",
            "Product baskets per weight base year, with output values / Rổ sản phẩm và quyền số",
            List.of(
                    of("weight_base_year", "INT", "Weight base year", "Năm gốc quyền số"),
                    of("product_code", "STRING", "Product", "Sản phẩm"),
                    of("vsic4", "STRING", "VSIC 2018 class of the product", "Mã ngành cấp 4"),
                    of("unit", "STRING", "Unit of the quantities", "Đơn vị tính"),
                    of("output_value", "DOUBLE", "Base-year national output value (weight in its class)",
                            "Giá trị sản xuất năm gốc"),
                    of("run_id", "STRING", "Run that loaded it", "Mã lần chạy")));

    public static final TableSpec SURVEY_VALUE_ADDED = new TableSpec(SilverTables.SCHEMA, "survey_value_added",
            "Base-year value added per class and vn63 province / Giá trị tăng thêm năm gốc",
            List.of(
                    of("weight_base_year", "INT", "Weight base year", "Năm gốc quyền số"),
                    of("geo_code", "STRING", "vn63 province code", "Mã tỉnh (63 tỉnh)"),
                    of("vsic4", "STRING", "VSIC 2018 class", "Mã ngành cấp 4"),
                    of("value_added", "DOUBLE", "Value added in the base year", "Giá trị tăng thêm"),
                    of("run_id", "STRING", "Run that loaded it", "Mã lần chạy")));

    public static final TableSpec SURVEY_QUARANTINE = new TableSpec(SilverTables.SCHEMA, "survey_quarantine",
            "Survey rows that cannot be used, with rule and reason / Dòng điều tra bị cách ly",
            List.of(
                    of("file_path", "STRING", "File the row came from", "Tệp nguồn"),
                    of("row_number", "BIGINT", "Line in the file (header = 1)", "Số dòng"),
                    of("source_place", "STRING", "row N", "Vị trí"),
                    of("raw_text", "STRING", "The row's values as received", "Nội dung nguyên gốc"),
                    of("column_name", "STRING", "Column that broke the rule (null: the whole row)", "Cột vi phạm"),
                    of("raw_value", "STRING", "Offending value (the round key for row rules)", "Giá trị vi phạm"),
                    of("rule_id", "STRING", "Rule id (README lists them)", "Mã quy tắc"),
                    of("reason", "STRING", "File, row, column, value, the problem and the fix", "Lý do và cách sửa"),
                    of("period_partition", "STRING", "The row's period if it is a month YYYY-MM; 'invalid'; 'reference' for"
                            + " basket and value-added rows", "Phân vùng theo kỳ"),
                    of("run_id", "STRING", "Run that quarantined it", "Mã lần chạy"),
                    of("ingested_at", "TIMESTAMP", "When (UTC)", "Thời điểm cách ly (UTC)")))
            .partitionedBy("period_partition");

    public static List<TableSpec> bronze() {
        return List.of(SURVEY_FILE, SURVEY_ROW);
    }

    public static List<TableSpec> silver() {
        return List.of(SURVEY_RESPONSE, SURVEY_FINAL, SURVEY_BASKET, SURVEY_VALUE_ADDED, SURVEY_QUARANTINE);
    }
}
