package vn.iip.catalog;

import static vn.iip.catalog.ColumnSpec.of;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What analysts read in iip_gold: a view of each gold table at the versions of the current publish, the vintage
 * views over them ("latest", "first release"), the wide BI view and the as-of table function. All are one SQL line
 * away for an analyst: {@code SELECT * FROM iip_gold.iip_as_of(DATE'2021-12-31')}.
 */
public final class GoldViews {
    private GoldViews() {}

    private static final Map<String, String> SCHEMAS = Map.of("gold", GoldTables.SCHEMA, "store",
            GoldTables.STORE_SCHEMA);

    /** Columns of v_iip_latest, v_iip_first_release and iip_as_of, in order. */
    static final List<ColumnSpec> VINTAGE_COLUMNS = List.of(
            of("period", "STRING", "Reference period as in the input (2021-11, 2021-Q4, 2021)", "Kỳ báo cáo"),
            of("period_type", "STRING", "month, quarter or year", "Loại kỳ"),
            of("geo_code", "STRING", "VN or 2-digit province code", "Mã địa bàn"),
            of("geo_version", "STRING", "vn63 or vn34", "Phiên bản địa giới"),
            of("geo_name_vi", "STRING", "Geography name (Vietnamese) valid at the period", "Tên địa bàn"),
            of("geo_name_en", "STRING", "Geography name (English)", "Tên địa bàn (tiếng Anh)"),
            of("industry_code", "STRING", "TOTAL, B-E or division such as C24", "Mã ngành"),
            of("industry_name_vi", "STRING", "Industry name (Vietnamese)", "Tên ngành"),
            of("industry_name_en", "STRING", "Industry name (English)", "Tên ngành (tiếng Anh)"),
            of("comparison", "STRING", "mom, yoy, ytd_yoy, q_yoy, annual_yoy", "Gốc so sánh"),
            of("comparison_inferred", "BOOLEAN", "Comparison implied, not stated, by the source", "Gốc so sánh suy ra"),
            of("measure", "STRING", "iip or contribution_pp", "Chỉ tiêu"),
            of("value_pct", "DOUBLE", "Growth in % (pp for contributions)", "Tốc độ tăng (%)"),
            of("index_value", "DOUBLE", "Index, comparison base = 100", "Chỉ số (gốc = 100)"),
            of("status", "STRING", "estimate, preliminary, final", "Trạng thái số liệu"),
            of("release_date", "DATE", "Publication day of this value", "Ngày công bố"),
            of("publisher", "STRING", "Publisher", "Cơ quan công bố"),
            of("release_id", "STRING", "publisher@release_date", "Mã đợt công bố"),
            of("source", "STRING", "URL or citation", "Nguồn"),
            of("release_rank", "INT", "1 = first print of this key", "Thứ tự đợt công bố"),
            of("releases_count", "INT", "Releases that published this key", "Số đợt công bố"));

    public static final ViewSpec LATEST = new ViewSpec("v_iip_latest",
            "Latest published value per key (period, geo, industry, comparison, measure) / Giá trị mới nhất",
            VINTAGE_COLUMNS, SqlTemplates.render("v_iip_latest", SCHEMAS));

    public static final ViewSpec FIRST_RELEASE = new ViewSpec("v_iip_first_release",
            "First published value per key (the first print) / Giá trị công bố lần đầu",
            VINTAGE_COLUMNS, SqlTemplates.render("v_iip_first_release", SCHEMAS));

    public static final ViewSpec MONTHLY_WIDE = new ViewSpec("v_iip_monthly_wide",
            "Monthly IIP, one row per month x geo x industry: latest MoM, YoY, YTD, first-print YoY / Bảng rộng",
            List.of(
                    of("period", "STRING", "Month YYYY-MM", "Tháng"),
                    of("geo_code", "STRING", "Geography code", "Mã địa bàn"),
                    of("geo_version", "STRING", "Geography version", "Phiên bản địa giới"),
                    of("geo_name_vi", "STRING", "Geography name (Vietnamese)", "Tên địa bàn"),
                    of("geo_name_en", "STRING", "Geography name (English)", "Tên địa bàn (tiếng Anh)"),
                    of("industry_code", "STRING", "Industry code", "Mã ngành"),
                    of("industry_name_vi", "STRING", "Industry name (Vietnamese)", "Tên ngành"),
                    of("industry_name_en", "STRING", "Industry name (English)", "Tên ngành (tiếng Anh)"),
                    of("mom_pct", "DOUBLE", "Latest growth vs previous month, %", "So với tháng trước (%)"),
                    of("mom_inferred", "BOOLEAN", "MoM comparison implied by the source", "Gốc tháng trước suy ra"),
                    of("yoy_pct", "DOUBLE", "Latest growth vs same month last year, %", "So với cùng kỳ (%)"),
                    of("ytd_yoy_pct", "DOUBLE", "Latest year-to-date growth vs same period, %", "Cộng dồn so với cùng kỳ (%)"),
                    of("yoy_first_print_pct", "DOUBLE", "YoY as first published, %", "So với cùng kỳ, lần đầu (%)"),
                    of("yoy_revision_pp", "DOUBLE", "Latest minus first-print YoY, pp", "Điều chỉnh so với cùng kỳ (điểm %)"),
                    of("latest_release_date", "DATE", "Newest release among these values", "Ngày công bố mới nhất"),
                    of("contains_tet", "BOOLEAN", "Month contains Tết: read MoM/YoY with care", "Tháng có Tết"),
                    of("is_jan_feb", "BOOLEAN", "January or February: prefer the 2-month cumulative", "Tháng 1 hoặc 2")),
            SqlTemplates.render("v_iip_monthly_wide", SCHEMAS));

    /** Columns of the computed vintage views: the published views' columns, then what only computing knows. */
    static final List<ColumnSpec> COMPUTED_COLUMNS = SilverTables.concat(VINTAGE_COLUMNS, List.of(
            of("backcast", "BOOLEAN", "A vn34 unit before 2025-07, from its member provinces' data",
                    "Số liệu tính ngược cho đơn vị 34 trước 07/2025"),
            of("weight_base_year", "INT", "Weight base of the period's linked range", "Năm gốc quyền số"),
            of("computed_as_of", "DATE", "Newest collected_on of the survey used", "Dữ liệu điều tra tính đến ngày")));

    public static final ViewSpec COMPUTED_LATEST = new ViewSpec("v_iip_computed_latest",
            "Newest computed value per key, in the published views' columns / Giá trị tính toán mới nhất",
            COMPUTED_COLUMNS, SqlTemplates.render("computed_vintages", Map.of("gold", GoldTables.SCHEMA,
                    "which", "v.newest_rank = 1")));

    public static final ViewSpec COMPUTED_FIRST = new ViewSpec("v_iip_computed_first",
            "First computed value per key / Giá trị tính toán lần đầu",
            COMPUTED_COLUMNS, SqlTemplates.render("computed_vintages", Map.of("gold", GoldTables.SCHEMA,
                    "which", "v.vintage_rank = 1")));

    public static final ViewSpec RECONCILIATION = new ViewSpec("v_iip_reconciliation",
            "Published (latest) beside computed (latest) for every key both have / Đối chiếu số công bố và số tính",
            List.of(
                    of("period", "STRING", "Reference period", "Kỳ"),
                    of("period_type", "STRING", "month, quarter or year", "Loại kỳ"),
                    of("geo_code", "STRING", "Geography code", "Mã địa bàn"),
                    of("geo_version", "STRING", "Geography version", "Phiên bản địa giới"),
                    of("industry_code", "STRING", "Industry code", "Mã ngành"),
                    of("comparison", "STRING", "Comparison", "Gốc so sánh"),
                    of("measure", "STRING", "iip or contribution_pp", "Chỉ tiêu"),
                    of("published_value_pct", "DOUBLE", "Latest published value", "Giá trị công bố mới nhất"),
                    of("decimals_published", "INT", "Decimals of the published value", "Số chữ số thập phân công bố"),
                    of("published_release_date", "DATE", "Release of the published value", "Ngày công bố"),
                    of("publisher", "STRING", "Publisher", "Cơ quan công bố"),
                    of("computed_value_pct", "DOUBLE", "Latest computed value, full precision", "Giá trị tính toán"),
                    of("computed_rounded_pct", "DOUBLE", "Computed value rounded to the published decimals",
                            "Giá trị tính toán đã làm tròn"),
                    of("difference_pp", "DOUBLE", "computed (rounded) - published, pp", "Chênh lệch (điểm %)"),
                    of("computed_as_of", "DATE", "Survey data up to", "Dữ liệu điều tra tính đến ngày"),
                    of("backcast", "BOOLEAN", "Computed value is a vn34 back-cast", "Số liệu tính ngược"),
                    of("weight_base_year", "INT", "Weight base of the computed value", "Năm gốc quyền số")),
            SqlTemplates.render("v_iip_reconciliation", SCHEMAS));

    /** Columns of v_iip_sa_latest and iip_sa_as_of: fact_iip_sa's, with the names, and the vintages per month. */
    static final List<ColumnSpec> SA_COLUMNS = saColumns();

    private static List<ColumnSpec> saColumns() {
        List<ColumnSpec> columns = new ArrayList<>();
        for (ColumnSpec column : GoldTables.FACT_IIP_SA.columns()) {
            columns.add(column);
            if (column.name().equals("geo_version")) {
                columns.add(VINTAGE_COLUMNS.get(4));
                columns.add(VINTAGE_COLUMNS.get(5));
            } else if (column.name().equals("industry_code")) {
                columns.add(VINTAGE_COLUMNS.get(7));
                columns.add(VINTAGE_COLUMNS.get(8));
            }
        }
        columns.add(of("vintages_count", "INT", "Vintages of this month's adjusted value (SA revises the past)",
                "Số lần tính lại giá trị điều chỉnh"));
        return List.copyOf(columns);
    }

    public static final ViewSpec SA_LATEST = new ViewSpec("v_iip_sa_latest",
            "Newest seasonally adjusted value per series, method and month / Giá trị đã điều chỉnh mùa vụ mới nhất",
            SA_COLUMNS, SqlTemplates.render("sa_vintages", Map.of("gold", GoldTables.SCHEMA, "vintages", "TRUE")));

    /**
     * The rows in quarantine now, by the run that quarantined them and their rule (silver, not a gold snapshot: a
     * reprocess that moves rows out of quarantine changes it at once).
     */
    public static final ViewSpec QUARANTINE_BY_RULE = new ViewSpec("v_quarantine_by_rule",
            "Rows in quarantine by run and rule / Số dòng bị cách ly theo lần chạy và quy tắc",
            List.of(ColumnSpec.of("run_id", "STRING", "Run that quarantined the rows", "Mã lần chạy"),
                    ColumnSpec.of("started_at", "TIMESTAMP", "When that run started (UTC)", "Bắt đầu (UTC)"),
                    ColumnSpec.of("mode", "STRING", "load or reprocess", "Chế độ chạy"),
                    ColumnSpec.of("rule_id", "STRING", "Rule broken", "Mã quy tắc"),
                    ColumnSpec.of("rows_quarantined", "BIGINT", "Rows in quarantine now", "Số dòng đang bị cách ly"),
                    ColumnSpec.of("files", "BIGINT", "Files they came from", "Số tệp")),
            SqlTemplates.render("v_quarantine_by_rule", Map.of("silver", SilverTables.SCHEMA)));

    /** The vintage and BI views, in the order they are created (each reads only those before it). */
    static List<ViewSpec> vintageViews() {
        return List.of(LATEST, FIRST_RELEASE, MONTHLY_WIDE, COMPUTED_LATEST, COMPUTED_FIRST, RECONCILIATION,
                SA_LATEST, QUARANTINE_BY_RULE);
    }

    /** iip_gold's view of one gold table: its columns at the versions of the current publish. */
    static ViewSpec publishedTable(TableSpec table) {
        String columns = table.columns().stream().map(c -> "s." + GoldSnapshot.column(table, c) + " AS " + c.name())
                .collect(Collectors.joining(", "));
        return new ViewSpec(table.name(), table.comment(), table.columns(), SqlTemplates.render("gold_table",
                Map.of("columns", columns, "store", GoldTables.STORE_SCHEMA, "table", table.name())));
    }

    /** Every view of iip_gold: the gold tables first, then the views over them. */
    public static List<ViewSpec> all() {
        List<ViewSpec> all = new ArrayList<>();
        GoldTables.published().forEach(table -> all.add(publishedTable(table)));
        all.addAll(vintageViews());
        return List.copyOf(all);
    }

    public static final String AS_OF_FUNCTION = GoldTables.SCHEMA + ".iip_as_of";
    public static final String SA_AS_OF_FUNCTION = GoldTables.SCHEMA + ".iip_sa_as_of";

    /** The table functions of iip_gold, by name: what "as of a date" means for published and adjusted figures. */
    public static Map<String, String> functionStatements() {
        Map<String, String> functions = new java.util.LinkedHashMap<>();
        functions.put(AS_OF_FUNCTION, asOfFunctionStatement());
        functions.put(SA_AS_OF_FUNCTION, saAsOfFunctionStatement());
        return functions;
    }

    /** "As adjusted from survey data up to D": the newest vintage per month among those with sa_as_of on or before D. */
    static String saAsOfFunctionStatement() {
        return SqlTemplates.render("iip_sa_as_of", Map.of("gold", GoldTables.SCHEMA, "returns", returns(SA_COLUMNS),
                "select", SqlTemplates.render("sa_vintages", Map.of("gold", GoldTables.SCHEMA,
                        "vintages", "f.sa_as_of <= as_of_date"))));
    }

    private static String returns(List<ColumnSpec> columns) {
        return columns.stream().map(c -> c.name() + " " + c.type() + " COMMENT '" + Sql.quote(c.comment()) + "'")
                .collect(Collectors.joining(", "));
    }

    /** "As published on date D": the latest value per key among releases on or before D. */
    public static String asOfFunctionStatement() {
        return SqlTemplates.render("iip_as_of", Map.of("gold", GoldTables.SCHEMA, "returns",
                returns(VINTAGE_COLUMNS)));
    }
}
