package vn.iip.catalog;

import static vn.iip.catalog.ColumnSpec.of;

import java.util.List;

/**
 * The gold star schema (dimensions, facts with every vintage, revisions, quality checks) as Delta tables, stored in
 * iip_gold_store with every version. Analysts read them through iip_gold, whose views of the same names show one
 * published gold at a time ({@link GoldSnapshot}): a publish writes these tables one after another, and readers
 * switch from the previous gold to the new one in one step.
 */
public final class GoldTables {
    private GoldTables() {}

    /** Where analysts read gold: views of one published gold version. */
    public static final String SCHEMA = "iip_gold";
    /** Where the gold Delta tables are stored with every version (time travel, DESCRIBE HISTORY). */
    public static final String STORE_SCHEMA = "iip_gold_store";
    /** The folder under the warehouse that holds the gold tables (iip_gold's own, before the store had a name). */
    static final String FOLDER = "iip_gold";

    public static final TableSpec DIM_GEOGRAPHY = new TableSpec(STORE_SCHEMA, "dim_geography",
            "Geography, SCD2: country and provinces in vn63 and vn34 with validity and successor / Địa bàn",
            List.of(
                    of("geo_code", "STRING", "VN or 2-digit code; codes are only unique within a version", "Mã địa bàn"),
                    of("geo_version", "STRING", "vn63 or vn34", "Phiên bản địa giới"),
                    of("name_vi", "STRING", "Name in Vietnamese", "Tên tiếng Việt"),
                    of("name_en", "STRING", "Name in English", "Tên tiếng Anh"),
                    of("level", "STRING", "country or province", "Cấp: cả nước hoặc tỉnh"),
                    of("region_vi", "STRING", "GSO statistical region (vn63 only)", "Vùng kinh tế (chỉ vn63)"),
                    of("region_en", "STRING", "GSO statistical region in English (vn63 only)", "Vùng (tiếng Anh)"),
                    of("valid_from", "DATE", "First day this row is valid", "Hiệu lực từ"),
                    of("valid_to", "DATE", "Last day this row is valid", "Hiệu lực đến"),
                    of("successor_code", "STRING", "vn34 unit this vn63 province became on 2025-07-01",
                            "Mã đơn vị kế thừa (vn34)"),
                    of("successor_name_vi", "STRING", "Name of the successor unit", "Tên đơn vị kế thừa"),
                    of("is_current", "BOOLEAN", "Valid today", "Còn hiệu lực")));

    public static final TableSpec DIM_INDUSTRY = new TableSpec(STORE_SCHEMA, "dim_industry",
            "Industries: TOTAL, VSIC 2018 sections B-E and their divisions / Ngành công nghiệp",
            List.of(
                    of("industry_code", "STRING", "TOTAL, B-E, or section + division (C24)", "Mã ngành"),
                    of("level", "STRING", "total, section or division", "Cấp ngành"),
                    of("section_code", "STRING", "Section letter", "Mã ngành cấp 1"),
                    of("parent_code", "STRING", "Parent in the hierarchy", "Mã ngành cha"),
                    of("name_vi", "STRING", "VSIC 2018 name", "Tên ngành VSIC 2018"),
                    of("name_en", "STRING", "ISIC Rev.4 title", "Tên ngành ISIC Rev.4"),
                    of("classification", "STRING", "Classification version", "Phiên bản hệ thống ngành")));

    public static final TableSpec DIM_PERIOD = new TableSpec(STORE_SCHEMA, "dim_period",
            "Calendar of months, quarters and years with the Tết flag / Lịch kỳ báo cáo và Tết",
            List.of(
                    of("period", "STRING", "YYYY, YYYY-MM or YYYY-Qn", "Kỳ"),
                    of("period_type", "STRING", "month, quarter or year", "Loại kỳ"),
                    of("year", "INT", "Year", "Năm"),
                    of("quarter", "INT", "Quarter (null for years)", "Quý"),
                    of("month", "INT", "Month (months only)", "Tháng"),
                    of("period_start", "DATE", "First day", "Ngày đầu kỳ"),
                    of("period_end", "DATE", "Last day", "Ngày cuối kỳ"),
                    of("contains_tet", "BOOLEAN", "The period contains the first day of Tết", "Kỳ có Tết Nguyên Đán"),
                    of("tet_date", "DATE", "First day of Tết in that year", "Ngày mùng 1 Tết của năm"),
                    of("is_jan_feb", "BOOLEAN", "January or February: single-month rates swing with Tết",
                            "Tháng 1 hoặc 2: chịu ảnh hưởng Tết")));

    public static final TableSpec DIM_CALENDAR = new TableSpec(STORE_SCHEMA, "dim_calendar",
            "Every day 1900-2100: Vietnam's lunar date (UTC+7), Tết window, public holidays, working days / Lịch"
                    + " ngày: âm lịch, Tết, ngày nghỉ lễ, ngày làm việc",
            List.of(
                    of("date", "DATE", "Day", "Ngày dương lịch"),
                    of("year", "INT", "Gregorian year", "Năm dương lịch"),
                    of("month", "INT", "Gregorian month", "Tháng dương lịch"),
                    of("day_of_week", "INT", "1 = Monday ... 7 = Sunday", "Thứ trong tuần (1 = thứ Hai)"),
                    of("lunar_year", "INT", "Lunar year: the Gregorian year its Tết falls in", "Năm âm lịch"),
                    of("lunar_month", "INT", "Lunar month 1-12 (a leap month repeats its number)", "Tháng âm lịch"),
                    of("lunar_day", "INT", "Lunar day 1-30", "Ngày âm lịch"),
                    of("lunar_leap_month", "BOOLEAN", "The day lies in a leap month", "Thuộc tháng nhuận"),
                    of("is_tet", "BOOLEAN", "First day of the lunar year (Tết Nguyên Đán)", "Mùng 1 Tết"),
                    of("tet_window", "BOOLEAN", "Inside the Tết window of the seasonal regressor (see"
                            + " dim_calendar_month.tet_days_before/after)", "Trong khoảng ảnh hưởng của Tết"),
                    of("public_holiday", "BOOLEAN", "Public holiday of the Labour Code in force", "Ngày lễ, Tết"),
                    of("day_off", "BOOLEAN", "Holiday, or a working day given for a holiday on a weekend",
                            "Ngày nghỉ (lễ hoặc nghỉ bù)"),
                    of("working_day", "BOOLEAN", "Monday-Friday and no day off", "Ngày làm việc")));

    public static final TableSpec DIM_CALENDAR_MONTH = new TableSpec(STORE_SCHEMA, "dim_calendar_month",
            "Calendar regressors per month 1900-2100: the Tết window's share and working days / Biến lịch theo"
                    + " tháng: tỷ lệ Tết, số ngày làm việc",
            List.of(
                    of("period", "STRING", "YYYY-MM", "Kỳ (tháng)"),
                    of("year", "INT", "Year", "Năm"),
                    of("month", "INT", "Month", "Tháng"),
                    of("days", "INT", "Days in the month", "Số ngày"),
                    of("working_days", "INT", "Working days (dim_calendar.working_day)", "Số ngày làm việc"),
                    of("tet_date", "DATE", "First day of Tết in that year", "Ngày mùng 1 Tết của năm"),
                    of("tet_days_before", "INT", "Days of the Tết window before Tết", "Số ngày trước Tết"),
                    of("tet_days_after", "INT", "Days of the Tết window after Tết", "Số ngày sau Tết"),
                    of("tet_window_days", "INT", "Days of the window in this month", "Số ngày của khoảng Tết"
                            + " trong tháng"),
                    of("tet_share", "DOUBLE", "tet_window_days / window length", "Tỷ lệ khoảng Tết trong tháng"),
                    of("tet_regressor", "DOUBLE", "tet_share minus its 1901-2099 mean for the calendar month (the"
                            + " seasonal adjustment's Tết variable)", "Biến hồi quy Tết (đã trừ trung bình dài"
                            + " hạn của tháng)")));

    public static final TableSpec DIM_COMPARISON = new TableSpec(STORE_SCHEMA, "dim_comparison",
            "Comparison bases with GSO's Vietnamese wording / Gốc so sánh",
            List.of(
                    of("comparison", "STRING", "Code", "Mã gốc so sánh"),
                    of("period_type", "STRING", "Period type it applies to", "Loại kỳ áp dụng"),
                    of("name_en", "STRING", "Meaning in English", "Diễn giải tiếng Anh"),
                    of("name_vi", "STRING", "GSO wording", "Cách ghi của Tổng cục Thống kê")));

    public static final TableSpec DIM_RELEASE = new TableSpec(STORE_SCHEMA, "dim_release",
            "Releases: one publisher on one day / Đợt công bố số liệu",
            List.of(
                    of("release_id", "STRING", "publisher@release_date", "Mã đợt công bố"),
                    of("publisher", "STRING", "Publisher", "Cơ quan công bố"),
                    of("release_date", "DATE", "Publication day", "Ngày công bố"),
                    of("observations", "BIGINT", "Figures with a value in this release", "Số giá trị công bố"),
                    of("periods", "STRING", "Periods covered, comma-separated", "Các kỳ được công bố"),
                    of("files", "INT", "Extract files that carried it", "Số tệp")));

    public static final TableSpec RELEASE_CALENDAR = new TableSpec(STORE_SCHEMA, "release_calendar",
            "Release calendar: when each scheduled publisher's release of a period was due and when it came / Lịch"
                    + " công bố: ngày dự kiến và ngày công bố thực tế",
            List.of(
                    of("publisher", "STRING", "Publisher with a schedule (reference/release_schedule.csv or the"
                            + " setting iip.release-schedule)", "Cơ quan công bố"),
                    of("period_type", "STRING", "month, quarter or year", "Loại kỳ"),
                    of("period", "STRING", "Reference period, from the first printed to the one due next", "Kỳ"),
                    of("expected_date", "DATE", "Day the release was due by the schedule", "Ngày công bố dự kiến"),
                    of("grace_days", "INT", "Days after expected_date before it counts as overdue",
                            "Số ngày cho phép chậm"),
                    of("first_release_id", "STRING", "Earliest release holding the period (null: none yet)",
                            "Đợt công bố đầu tiên có kỳ này"),
                    of("first_release_date", "DATE", "Its date", "Ngày công bố đầu tiên"),
                    of("days_late", "INT", "first_release_date - expected_date (negative: early)",
                            "Số ngày chậm so với dự kiến"),
                    of("status", "STRING", "on_time, late, missing (never printed though a later period was) or"
                            + " awaited (the period due next)", "Tình trạng"),
                    of("schedule_rule", "STRING", "The schedule's rule for the period", "Quy tắc lịch công bố")));

    public static final TableSpec FACT_IIP_RELEASE = new TableSpec(STORE_SCHEMA, "fact_iip_release",
            "Every published IIP value with its release (all vintages) / Mọi giá trị IIP theo đợt công bố",
            SilverTables.concat(SilverTables.FIGURE, List.of(
                    of("release_rank", "INT", "1 = first release of this key, 2 = second...", "Thứ tự đợt công bố"),
                    of("releases_count", "INT", "Releases that published this key", "Số đợt đã công bố khóa này"),
                    of("is_first_release", "BOOLEAN", "First print of this key", "Lần công bố đầu tiên"),
                    of("is_latest_release", "BOOLEAN", "Latest print of this key", "Lần công bố mới nhất"))))
            // By period: a run rewrites the periods its releases touch, and analysts filter by period.
            .partitionedBy("period");

    public static final TableSpec FACT_IIP_REVISION = new TableSpec(STORE_SCHEMA, "fact_iip_revision",
            "First vs latest value per key, revision in pp / So sánh lần công bố đầu và mới nhất",
            List.of(
                    of("period", "STRING", "Reference period", "Kỳ"),
                    of("period_type", "STRING", "month, quarter or year", "Loại kỳ"),
                    of("geo_code", "STRING", "Geography code", "Mã địa bàn"),
                    of("geo_version", "STRING", "Geography version", "Phiên bản địa giới"),
                    of("industry_code", "STRING", "Industry code", "Mã ngành"),
                    of("comparison", "STRING", "Comparison", "Gốc so sánh"),
                    of("measure", "STRING", "iip or contribution_pp", "Chỉ tiêu"),
                    of("first_value_pct", "DOUBLE", "Value in the first release", "Giá trị lần đầu"),
                    of("latest_value_pct", "DOUBLE", "Value in the latest release", "Giá trị mới nhất"),
                    of("revision_pp", "DOUBLE", "latest - first, percentage points", "Mức điều chỉnh (điểm %)"),
                    of("releases_count", "INT", "Number of releases", "Số đợt công bố"),
                    of("first_release_id", "STRING", "First release", "Đợt công bố đầu"),
                    of("first_release_date", "DATE", "First release date", "Ngày công bố đầu"),
                    of("latest_release_id", "STRING", "Latest release", "Đợt công bố mới nhất"),
                    of("latest_release_date", "DATE", "Latest release date", "Ngày công bố mới nhất"),
                    of("revision_above_1pp", "BOOLEAN", "abs(revision) > 1 pp", "Điều chỉnh lớn hơn 1 điểm %")))
            .partitionedBy("period");

    public static final TableSpec QUALITY_CHECK = new TableSpec(STORE_SCHEMA, "quality_check",
            "Data-quality checks per run; they report, never drop data / Kiểm tra chất lượng mỗi lần chạy",
            List.of(
                    of("run_id", "STRING", "Run", "Mã lần chạy"),
                    of("check_id", "STRING", "Check: conservation, contributions_vs_total, ytd_december_vs_annual,"
                            + " value_range, revision_above_1pp, seasonal_adjustment, release_missing,"
                            + " release_overdue", "Mã phép kiểm tra"),
                    of("status", "STRING", "pass, warn or fail", "Kết quả"),
                    of("period", "STRING", "Period checked", "Kỳ"),
                    of("geo_code", "STRING", "Geography checked", "Địa bàn"),
                    of("geo_version", "STRING", "Geography version of geo_code", "Phiên bản địa giới"),
                    of("industry_code", "STRING", "Industry checked", "Ngành"),
                    of("comparison", "STRING", "Comparison checked", "Gốc so sánh"),
                    of("release_id", "STRING", "Release checked", "Đợt công bố"),
                    of("expected_value", "DOUBLE", "Expected value", "Giá trị kỳ vọng"),
                    of("actual_value", "DOUBLE", "Actual value", "Giá trị thực tế"),
                    of("difference", "DOUBLE", "actual - expected", "Chênh lệch"),
                    of("tolerance", "DOUBLE", "Allowed difference", "Sai số cho phép"),
                    of("message", "STRING", "What was found", "Diễn giải"),
                    of("checked_at", "TIMESTAMP", "When (UTC)", "Thời điểm kiểm tra (UTC)")));

    public static final TableSpec FACT_IIP_COMPUTED = new TableSpec(STORE_SCHEMA, "fact_iip_computed",
            "IIP computed from the enterprise survey, every vintage (a row only where a value changed) / IIP tính"
                    + " từ điều tra doanh nghiệp, mọi lần tính",
            List.of(
                    of("period", "STRING", "YYYY-MM, YYYY-Qn or YYYY", "Kỳ"),
                    of("period_type", "STRING", "month, quarter or year", "Loại kỳ"),
                    of("geo_code", "STRING", "VN, province or unit code, or region R1-R6", "Mã địa bàn"),
                    of("geo_version", "STRING", "vn63, vn34 or region (national: vn63 until 2025-06, then vn34)",
                            "Phiên bản địa giới"),
                    of("backcast", "BOOLEAN", "A vn34 unit before 2025-07, from its member provinces' data",
                            "Số liệu tính ngược cho đơn vị 34 trước 07/2025"),
                    of("industry_code", "STRING", "TOTAL, section, division (C10) or class (C1010)", "Mã ngành"),
                    of("comparison", "STRING", "mom, yoy, ytd_yoy, q_yoy, annual_yoy, or fixed_base for levels",
                            "Gốc so sánh"),
                    of("measure", "STRING", "iip, contribution_pp or index_level", "Chỉ tiêu"),
                    of("value_pct", "DOUBLE", "Growth in %, or pp for contributions; null for levels",
                            "Tốc độ tăng (%) hoặc điểm phần trăm"),
                    of("index_value", "DOUBLE", "The linked level (newest base year = 100), or 100 + growth",
                            "Chỉ số"),
                    of("weight_base_year", "INT", "Weight base of the period's linked range", "Năm gốc quyền số"),
                    of("computed_as_of", "DATE", "Newest collected_on of the survey the value was computed from",
                            "Dữ liệu điều tra tính đến ngày"),
                    of("run_id", "STRING", "Run that computed this vintage", "Mã lần chạy")))
            .partitionedBy("period_type");

    public static final TableSpec FACT_IIP_SA = new TableSpec(STORE_SCHEMA, "fact_iip_sa",
            "Seasonally and Tết adjusted computed IIP, every vintage (a row only where a value changed) / IIP đã"
                    + " điều chỉnh mùa vụ và Tết, mọi lần tính",
            List.of(
                    of("period", "STRING", "Month YYYY-MM", "Tháng"),
                    of("geo_code", "STRING", "VN, province or unit code, or region R1-R6", "Mã địa bàn"),
                    of("geo_version", "STRING", "vn63, vn34 or region (national: vn63 until 2025-06, then vn34, one"
                            + " series)", "Phiên bản địa giới"),
                    of("industry_code", "STRING", "TOTAL, section or division", "Mã ngành"),
                    of("method", "STRING", "x13 (X-13ARIMA-SEATS, RSA5) or tramo_seats (RSAfull)",
                            "Phương pháp điều chỉnh"),
                    of("index_value", "DOUBLE", "The computed index level that was adjusted (raw)",
                            "Chỉ số gốc (chưa điều chỉnh)"),
                    of("sa_index", "DOUBLE", "Seasonally and calendar (Tết, trading-day) adjusted index",
                            "Chỉ số đã điều chỉnh mùa vụ và lịch"),
                    of("trend_index", "DOUBLE", "Trend-cycle", "Xu thế - chu kỳ"),
                    of("seasonal_factor", "DOUBLE", "Seasonal component without calendar effects: raw = sa × seasonal"
                            + " × tet × calendar for a log model (factors), their sum for an additive one (index"
                            + " points; sa_diagnostics.log_transformed)", "Thành phần mùa vụ"),
                    of("tet_effect", "DOUBLE", "Tết effect: exp(coefficient × regressor) for a log model, coefficient"
                            + " × regressor for an additive one", "Ảnh hưởng Tết"),
                    of("calendar_effect", "DOUBLE", "Trading-day effect (1, or 0 for an additive model, when the"
                            + " model chose none)", "Ảnh hưởng ngày làm việc"),
                    of("irregular", "DOUBLE", "Irregular component", "Thành phần bất thường"),
                    of("mom_sa_pct", "DOUBLE", "Month-on-month growth of sa_index, %",
                            "Tốc độ tăng so với tháng trước (đã điều chỉnh), %"),
                    of("spec_id", "STRING", "Specification used (sa_spec)", "Mã đặc tả điều chỉnh"),
                    of("sa_as_of", "DATE", "Newest collected_on of the survey the levels came from",
                            "Dữ liệu điều tra tính đến ngày"),
                    of("run_id", "STRING", "Run that adjusted this vintage", "Mã lần chạy")));

    public static final TableSpec SA_DIAGNOSTICS = new TableSpec(STORE_SCHEMA, "sa_diagnostics",
            "Seasonal adjustment diagnostics, one row per series and run, with the reason when a series is not"
                    + " adjusted / Chẩn đoán điều chỉnh mùa vụ theo chuỗi và lần chạy",
            List.of(
                    of("run_id", "STRING", "Run", "Mã lần chạy"),
                    of("sa_as_of", "DATE", "Newest collected_on of the survey", "Dữ liệu điều tra tính đến ngày"),
                    of("spec_id", "STRING", "Specification used (sa_spec)", "Mã đặc tả điều chỉnh"),
                    of("geo_code", "STRING", "Geography code", "Mã địa bàn"),
                    of("geo_version", "STRING", "Geography version (national: that of its newest month)",
                            "Phiên bản địa giới"),
                    of("industry_code", "STRING", "Industry code", "Mã ngành"),
                    of("method", "STRING", "x13 or tramo_seats", "Phương pháp"),
                    of("months_count", "INT", "Months with a value", "Số tháng có số liệu"),
                    of("first_period", "STRING", "First month of the series", "Tháng đầu"),
                    of("last_period", "STRING", "Last month of the series", "Tháng cuối"),
                    of("status", "STRING", "adjusted, adjusted_tet_not_significant, not_adjusted or failed",
                            "Tình trạng"),
                    of("reason", "STRING", "Why the series is not (fully) adjusted", "Lý do"),
                    of("model", "STRING", "ARIMA model chosen (p,d,q)(bp,bd,bq)", "Mô hình ARIMA"),
                    of("log_transformed", "BOOLEAN", "Multiplicative (log) model", "Mô hình nhân (logarit)"),
                    of("tet_coefficient", "DOUBLE", "Coefficient of the Tết regressor (log scale)", "Hệ số Tết"),
                    of("tet_std_error", "DOUBLE", "Its standard error", "Sai số chuẩn của hệ số Tết"),
                    of("tet_p_value", "DOUBLE", "Its p-value (t test); below 0.05: a Tết effect", "Giá trị p của"
                            + " hệ số Tết"),
                    of("outliers", "INT", "Outliers found (AO, LS, TC)", "Số giá trị ngoại lai"),
                    of("ljung_box_p_value", "DOUBLE", "Ljung-Box on the residuals, 24 lags; below 0.05: the model"
                            + " misses autocorrelation", "Kiểm định Ljung-Box"),
                    of("m7", "DOUBLE", "X-13 M7 (identifiable seasonality); above 1: none to adjust",
                            "Thống kê M7 (X-13)"),
                    of("q", "DOUBLE", "X-13 Q (combined M statistics); above 1: a poor adjustment",
                            "Thống kê Q (X-13)"),
                    of("residual_seasonality_qs_p_value", "DOUBLE", "QS test on the SA series; below 0.05:"
                            + " seasonality left", "Kiểm định QS mùa vụ còn lại"),
                    of("residual_seasonality_f_p_value", "DOUBLE", "F test on the SA series; below 0.05:"
                            + " seasonality left", "Kiểm định F mùa vụ còn lại")));

    public static final TableSpec SA_SPEC = new TableSpec(STORE_SCHEMA, "sa_spec",
            "Seasonal adjustment specifications, one row per spec_id: what reproduces any SA figure / Đặc tả điều"
                    + " chỉnh mùa vụ",
            List.of(
                    of("spec_id", "STRING", "Hash of the specification", "Mã đặc tả"),
                    of("method", "STRING", "x13 or tramo_seats", "Phương pháp"),
                    of("software", "STRING", "Software and version", "Phần mềm và phiên bản"),
                    of("base_specification", "STRING", "JDemetra+ predefined specification", "Đặc tả gốc"),
                    of("regression", "STRING", "Regression variables and their settings", "Biến hồi quy"),
                    of("tet_days_before", "INT", "Days of the Tết window before Tết", "Số ngày trước Tết"),
                    of("tet_days_after", "INT", "Days of the window after the first day of Tết (the window is before + 1 + after days)",
                            "Số ngày sau Tết"),
                    of("tet_regressor", "STRING", "How the Tết regressor is made", "Cách tạo biến Tết"),
                    of("minimum_months", "INT", "Shortest series adjusted", "Số tháng tối thiểu"),
                    of("run_id", "STRING", "Run that first used it", "Lần chạy đầu tiên dùng")));

    /** One row per publish: the version of every gold table it made current (the switch readers follow). */
    public static final TableSpec GOLD_PUBLISH = new TableSpec(STORE_SCHEMA, "gold_publish",
            "Each publish of gold: the Delta version of every gold table readers see from then on / Các lần công bố"
                    + " dữ liệu vàng",
            List.of(
                    of("publish_id", "STRING", "Publish: UTC time and a random suffix, in order", "Mã lần công bố"),
                    of("run_id", "STRING", "Run that published", "Mã lần chạy"),
                    of("published_at", "TIMESTAMP", "When readers switched to it (UTC)", "Thời điểm công bố (UTC)"),
                    of("table_versions", "MAP<STRING,BIGINT>", "Gold table -> Delta version (VERSION AS OF) shown",
                            "Bảng -> phiên bản Delta được hiển thị")));

    /** The tables readers see through iip_gold, at the versions of one publish. */
    public static List<TableSpec> published() {
        return List.of(DIM_GEOGRAPHY, DIM_INDUSTRY, DIM_PERIOD, DIM_CALENDAR, DIM_CALENDAR_MONTH, DIM_COMPARISON,
                DIM_RELEASE, RELEASE_CALENDAR, FACT_IIP_RELEASE, FACT_IIP_REVISION, QUALITY_CHECK, FACT_IIP_COMPUTED,
                FACT_IIP_SA, SA_DIAGNOSTICS, SA_SPEC);
    }

    /** Published tables a publish from an older release may not name: shown at version 0, as created (empty). */
    static final java.util.Set<TableSpec> ADDED_AFTER_FIRST_PUBLISH = java.util.Set.of(FACT_IIP_COMPUTED, FACT_IIP_SA,
            SA_DIAGNOSTICS, SA_SPEC, RELEASE_CALENDAR);

    public static List<TableSpec> all() {
        List<TableSpec> all = new java.util.ArrayList<>(published());
        all.add(GOLD_PUBLISH);
        return List.copyOf(all);
    }
}
