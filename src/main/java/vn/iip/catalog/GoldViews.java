package vn.iip.catalog;

import static vn.iip.catalog.ColumnSpec.of;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Vintage views over fact_iip_release ("latest", "first release"), the as-of table function, and the wide BI view.
 * All are one SQL line away for an analyst: {@code SELECT * FROM iip_gold.iip_as_of(DATE'2021-12-31')}.
 */
public final class GoldViews {
    private GoldViews() {}

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

    private static final String KEY = "f.period, f.geo_code, f.geo_version, f.industry_code, f.comparison, f.measure";

    private static final String VINTAGE_SELECT = "SELECT f.period, f.period_type, f.geo_code, f.geo_version,"
            + " g.name_vi AS geo_name_vi, g.name_en AS geo_name_en, f.industry_code, i.name_vi AS industry_name_vi,"
            + " i.name_en AS industry_name_en, f.comparison, f.comparison_inferred, f.measure, f.value_pct,"
            + " f.index_value, f.status, f.release_date, f.publisher, f.release_id, f.source, f.release_rank,"
            + " f.releases_count\nFROM iip_gold.fact_iip_release f\n"
            + "LEFT JOIN iip_gold.dim_geography g ON g.geo_code = f.geo_code AND g.geo_version = f.geo_version"
            + " AND f.period_end BETWEEN g.valid_from AND g.valid_to\n"
            + "LEFT JOIN iip_gold.dim_industry i ON i.industry_code = f.industry_code\n";

    public static final ViewSpec LATEST = new ViewSpec("v_iip_latest",
            "Latest published value per key (period, geo, industry, comparison, measure) / Giá trị mới nhất",
            VINTAGE_COLUMNS, VINTAGE_SELECT + "WHERE f.is_latest_release");

    public static final ViewSpec FIRST_RELEASE = new ViewSpec("v_iip_first_release",
            "First published value per key (the first print) / Giá trị công bố lần đầu",
            VINTAGE_COLUMNS, VINTAGE_SELECT + "WHERE f.is_first_release");

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
            "WITH latest AS (SELECT * FROM iip_gold.v_iip_latest WHERE period_type = 'month' AND measure = 'iip'),\n"
                    + "wide AS (SELECT period, geo_code, geo_version, first(geo_name_vi) AS geo_name_vi,"
                    + " first(geo_name_en) AS geo_name_en, industry_code, first(industry_name_vi) AS industry_name_vi,"
                    + " first(industry_name_en) AS industry_name_en,"
                    + " max(CASE WHEN comparison = 'mom' THEN value_pct END) AS mom_pct,"
                    + " max(CASE WHEN comparison = 'mom' THEN comparison_inferred END) AS mom_inferred,"
                    + " max(CASE WHEN comparison = 'yoy' THEN value_pct END) AS yoy_pct,"
                    + " max(CASE WHEN comparison = 'ytd_yoy' THEN value_pct END) AS ytd_yoy_pct,"
                    + " max(release_date) AS latest_release_date"
                    + " FROM latest GROUP BY period, geo_code, geo_version, industry_code)\n"
                    + "SELECT w.period, w.geo_code, w.geo_version, w.geo_name_vi, w.geo_name_en, w.industry_code,"
                    + " w.industry_name_vi, w.industry_name_en, w.mom_pct, w.mom_inferred, w.yoy_pct, w.ytd_yoy_pct,"
                    + " r.first_value_pct AS yoy_first_print_pct, r.revision_pp AS yoy_revision_pp,"
                    + " w.latest_release_date, p.contains_tet, p.is_jan_feb\nFROM wide w\n"
                    + "LEFT JOIN iip_gold.fact_iip_revision r ON r.period = w.period AND r.geo_code = w.geo_code"
                    + " AND r.geo_version = w.geo_version AND r.industry_code = w.industry_code"
                    + " AND r.comparison = 'yoy' AND r.measure = 'iip'\n"
                    + "LEFT JOIN iip_gold.dim_period p ON p.period = w.period AND p.period_type = 'month'");

    public static List<ViewSpec> all() {
        return List.of(LATEST, FIRST_RELEASE, MONTHLY_WIDE);
    }

    public static final String AS_OF_FUNCTION = "iip_gold.iip_as_of";

    /** "As published on date D": the latest value per key among releases on or before D. */
    public static String asOfFunctionStatement() {
        String returns = VINTAGE_COLUMNS.stream().map(c -> c.name() + " " + c.type() + " COMMENT '"
                + Sql.quote(c.comment()) + "'").collect(Collectors.joining(", "));
        return "CREATE OR REPLACE FUNCTION " + AS_OF_FUNCTION + "(as_of_date DATE)\nRETURNS TABLE (" + returns + ")\n"
                + "COMMENT 'Values as published on or before as_of_date / Số liệu theo các đợt công bố đến ngày as_of_date'\n"
                + "RETURN " + VINTAGE_SELECT.replace(" f.release_rank,",
                        " CAST(row_number() OVER (PARTITION BY " + KEY + " ORDER BY f.release_date, f.publisher) AS INT)"
                        + " AS release_rank,").replace(" f.releases_count", " CAST(count(*) OVER (PARTITION BY " + KEY
                        + ") AS INT) AS releases_count")
                + "WHERE f.release_date <= as_of_date\n"
                // Ranks and counts are taken within the releases known on as_of_date: nothing from later leaks in.
                + "QUALIFY release_rank = releases_count";
    }
}
