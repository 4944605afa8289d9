package vn.iip.mart;

import static vn.iip.catalog.ColumnSpec.of;

import java.util.List;
import vn.iip.catalog.GoldTables;
import vn.iip.catalog.GoldViews;
import vn.iip.catalog.SilverTables;
import vn.iip.catalog.TableSpec;
import vn.iip.catalog.ViewSpec;

/** What the mart holds: the gold star schema (dimensions and facts) and the vintage views as tables. */
public final class MartTables {
    private MartTables() {}

    public static final String SCHEMA = "iip_mart";

    private static final List<String> FACT_KEY = List.of("period", "geo_code", "geo_version", "industry_code",
            "comparison", "measure");
    /** The filters analysts use: a month, a province, an industry. */
    private static final List<List<String>> FACT_INDEXES = List.of(List.of("period"),
            List.of("geo_code", "geo_version"), List.of("industry_code"));

    public static final List<MartTable> ALL = List.of(
            table(GoldTables.DIM_GEOGRAPHY, List.of("geo_code", "geo_version", "valid_from"), List.of()),
            table(GoldTables.DIM_INDUSTRY, List.of("industry_code"), List.of(List.of("section_code"))),
            table(GoldTables.DIM_PERIOD, List.of("period"), List.of(List.of("year", "month"))),
            table(GoldTables.DIM_COMPARISON, List.of("comparison"), List.of()),
            table(GoldTables.DIM_RELEASE, List.of("release_id"), List.of(List.of("release_date"))),
            table(GoldTables.FACT_IIP_RELEASE, concat(FACT_KEY, "release_id"),
                    concat(FACT_INDEXES, List.of("release_id"))),
            table(GoldTables.FACT_IIP_REVISION, FACT_KEY, FACT_INDEXES),
            view("iip_latest", GoldViews.LATEST, FACT_KEY, FACT_INDEXES),
            view("iip_first_release", GoldViews.FIRST_RELEASE, FACT_KEY, FACT_INDEXES),
            view("iip_monthly_wide", GoldViews.MONTHLY_WIDE, List.of("period", "geo_code", "geo_version",
                    "industry_code"), FACT_INDEXES),
            view("iip_reconciliation", GoldViews.RECONCILIATION, FACT_KEY, FACT_INDEXES, GoldTables.FACT_IIP_COMPUTED),
            view("iip_sa_latest", GoldViews.SA_LATEST, List.of("period", "geo_code", "geo_version", "industry_code",
                    "method"), FACT_INDEXES, GoldTables.FACT_IIP_SA),
            table(GoldTables.SA_DIAGNOSTICS, List.of("run_id", "geo_code", "geo_version", "industry_code", "method"),
                    List.of(List.of("geo_code", "geo_version"), List.of("industry_code"))),
            table(GoldTables.SA_SPEC, List.of("spec_id"), List.of()),
            table(GoldTables.RELEASE_CALENDAR, List.of("publisher", "period_type", "period"),
                    List.of(List.of("status"))),
            // A check row has no key of its own (what it checked may be null): no primary key, indexed by run.
            table(GoldTables.QUALITY_CHECK, List.of(), List.of(List.of("run_id"), List.of("check_id", "status"))),
            // The run log and the quarantine summary are silver's; their version is that of quality_check, which
            // every run writes with them.
            new MartTable(SilverTables.RUN_LOG.name(), SilverTables.RUN_LOG.comment(), SilverTables.RUN_LOG.columns(),
                    List.of("run_id"), List.of(List.of("started_at")), SilverTables.RUN_LOG.qualifiedName(),
                    GoldTables.QUALITY_CHECK.qualifiedName()),
            new MartTable("quarantine_by_rule", GoldViews.QUARANTINE_BY_RULE.comment() + " (table of "
                    + GoldViews.QUARANTINE_BY_RULE.qualifiedName() + ")", GoldViews.QUARANTINE_BY_RULE.columns(),
                    List.of("run_id", "rule_id"), List.of(List.of("rule_id")),
                    GoldViews.QUARANTINE_BY_RULE.qualifiedName(), GoldTables.QUALITY_CHECK.qualifiedName()));

    /**
     * Mart tables that may hold a few rows or none: a warehouse without quarantined rows has no quarantine summary,
     * and a new one has logged a run or two.
     */
    public static final java.util.Set<String> FEW_ROWS = java.util.Set.of("quarantine_by_rule",
            SilverTables.RUN_LOG.name());

    /** Mart tables that stay empty until the warehouse has computed (and adjusted) a survey. */
    public static final java.util.Set<String> FROM_SURVEY = java.util.Set.of("iip_reconciliation", "iip_sa_latest",
            GoldTables.SA_DIAGNOSTICS.name(), GoldTables.SA_SPEC.name());

    /** Which Delta table versions each publish copied, and how many rows each mart table got; kept across publishes. */
    public static final MartTable RELEASE = new MartTable("mart_release", "One row per mart table and publish: the"
            + " Delta table version it was copied from / Mỗi lần xuất bản: phiên bản bảng Delta đã sao chép",
            List.of(of("publish_id", "STRING", "Publish (UTC time + random suffix)", "Mã lần xuất bản"),
                    of("published_at", "TIMESTAMP", "When the mart was loaded", "Thời điểm xuất bản"),
                    of("warehouse", "STRING", "Warehouse location", "Vị trí kho dữ liệu"),
                    of("table_name", "STRING", "Mart table", "Bảng trong mart"),
                    of("source", "STRING", "Gold table or view copied", "Bảng hoặc view nguồn"),
                    of("delta_table", "STRING", "Delta table whose version is given", "Bảng Delta"),
                    of("delta_version", "BIGINT", "Its Delta version (time travel: VERSION AS OF)", "Phiên bản Delta"),
                    of("row_count", "BIGINT", "Rows copied", "Số dòng đã sao chép")),
            List.of("publish_id", "table_name"), List.of(), null, null);

    /** A gold table as readers see it (iip_gold's view, one publish) and the stored Delta table behind it. */
    private static MartTable table(TableSpec gold, List<String> key, List<List<String>> indexes) {
        return new MartTable(gold.name(), gold.comment(), gold.columns(), key, indexes,
                GoldTables.SCHEMA + "." + gold.name(), gold.qualifiedName());
    }

    /** A view becomes a table of the same rows; its version is that of the fact table it reads. */
    private static MartTable view(String name, ViewSpec view, List<String> key, List<List<String>> indexes) {
        return view(name, view, key, indexes, GoldTables.FACT_IIP_RELEASE);
    }

    private static MartTable view(String name, ViewSpec view, List<String> key, List<List<String>> indexes,
                                  TableSpec facts) {
        return new MartTable(name, view.comment() + " (table of " + view.qualifiedName() + ")", view.columns(), key,
                indexes, view.qualifiedName(), facts.qualifiedName());
    }

    private static List<String> concat(List<String> key, String column) {
        return java.util.stream.Stream.concat(key.stream(), java.util.stream.Stream.of(column)).toList();
    }

    private static List<List<String>> concat(List<List<String>> indexes, List<String> index) {
        return java.util.stream.Stream.concat(indexes.stream(), java.util.stream.Stream.of(index)).toList();
    }
}
