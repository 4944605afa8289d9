package vn.iip.docs;

import java.util.Map;
import vn.iip.catalog.TableSpec;

/** What one row of each table is, and its key: the catalogue states it for every table (a test checks). */
final class Grains {
    private Grains() {}

    private static final String FIGURE = "period, period_type, geo_code, geo_version, industry_code, comparison,"
            + " measure";

    private static final Map<String, String[]> GRAINS = Map.ofEntries(
            Map.entry("extract_file", g("landing file ingested", "sha256")),
            Map.entry("extract_row", g("data row (or workbook cell, PC-Axis value) as received",
                    "file_sha256, row_number")),
            Map.entry("survey_file", g("survey file ingested", "sha256")),
            Map.entry("survey_row", g("survey row as received", "file_sha256, row_number")),
            Map.entry("observation", g("conformed figure of one release", "observation_id (release + figure key)")),
            Map.entry("quarantine", g("rejected row or cell", "file_sha256, row_number")),
            Map.entry("run_log", g("run", "run_id")),
            Map.entry("survey_response", g("survey response row stored", "file_sha256, row_number")),
            Map.entry("survey_final", g("enterprise, product and month: the response used", "period, enterprise_id,"
                    + " product_code")),
            Map.entry("survey_basket", g("product of a weight base's basket", "weight_base_year, product_code")),
            Map.entry("survey_value_added", g("class value added of a weight base", "weight_base_year, vsic4")),
            Map.entry("survey_quarantine", g("rejected survey row", "file_sha256, row_number")),
            Map.entry("dim_geography", g("geography in one version and validity", "geo_code, geo_version,"
                    + " valid_from")),
            Map.entry("dim_industry", g("industry", "industry_code")),
            Map.entry("dim_period", g("month, quarter or year 1900-2100", "period")),
            Map.entry("dim_calendar", g("day 1900-2100", "date")),
            Map.entry("dim_calendar_month", g("month 1900-2100", "period")),
            Map.entry("dim_comparison", g("comparison base", "comparison")),
            Map.entry("dim_release", g("release: one publisher on one day", "release_id")),
            Map.entry("release_calendar", g("scheduled publisher's period", "publisher, period_type, period")),
            Map.entry("fact_iip_release", g("published value of a figure in one release (every vintage)",
                    FIGURE + ", release_id")),
            Map.entry("fact_iip_revision", g("figure: first vs latest print", FIGURE)),
            Map.entry("quality_check", g("check result of a run", "run_id, check_id and what it checked")),
            Map.entry("fact_iip_computed", g("computed value of a figure in one vintage", FIGURE + ", run_id")),
            Map.entry("fact_iip_sa", g("adjusted month of a series in one vintage", "period, geo_code, geo_version,"
                    + " industry_code, method, run_id")),
            Map.entry("sa_diagnostics", g("series adjusted by one run", "run_id, geo_code, geo_version,"
                    + " industry_code, method")),
            Map.entry("sa_spec", g("seasonal adjustment specification", "spec_id")),
            Map.entry("gold_publish", g("publish of gold", "publish_id")));

    private static String[] g(String grain, String key) {
        return new String[] {grain, key};
    }

    static boolean known(TableSpec table) {
        return GRAINS.containsKey(table.name());
    }

    static String of(TableSpec table) {
        String[] grain = GRAINS.get(table.name());
        return grain == null ? "(not stated)" : grain[0];
    }

    static String key(TableSpec table) {
        String[] grain = GRAINS.get(table.name());
        return grain == null ? "(not stated)" : grain[1];
    }
}
