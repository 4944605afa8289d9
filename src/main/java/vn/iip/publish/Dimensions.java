package vn.iip.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.sort_array;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.iip.conform.Comparison;
import vn.iip.conform.Period;
import vn.iip.reference.GeoUnit;
import vn.iip.reference.Industry;
import vn.iip.reference.ReferenceData;

/** Rows of the dimensions, built from the bundled reference data (plain lists; the publisher turns them into tables). */
public final class Dimensions {
    private Dimensions() {}

    static final int FIRST_CALENDAR_YEAR = 2008;
    /** The last year of the bundled Tết calendar: later years would carry no flag. */
    static final int LAST_CALENDAR_YEAR = 2030;

    /** Rows in the column order of {@code GoldTables.DIM_GEOGRAPHY}. */
    public static List<Row> geography(ReferenceData reference, LocalDate today) {
        Map<String, GeoUnit> vn34 = new HashMap<>();
        reference.geography().stream().filter(u -> ReferenceData.VN34.equals(u.version()))
                .forEach(u -> vn34.put(u.code(), u));
        List<Row> rows = new ArrayList<>();
        for (GeoUnit unit : reference.geography()) {
            GeoUnit successor = unit.successorCode() == null ? null : vn34.get(unit.successorCode());
            rows.add(RowFactory.create(unit.code(), unit.version(), unit.nameVi(), unit.nameEn(),
                    unit.isCountry() ? "country" : "province", unit.regionVi(), unit.regionEn(),
                    Date.valueOf(unit.validFrom()), Date.valueOf(unit.validTo()),
                    successor == null ? null : successor.code(), successor == null ? null : successor.nameVi(),
                    unit.validOn(today)));
        }
        // The GSO regions, which the computed IIP aggregates (vn63 provinces only: until 2025-06).
        Map<String, GeoUnit> regions = new java.util.TreeMap<>();
        reference.geography().stream().filter(u -> ReferenceData.VN63.equals(u.version()) && u.regionEn() != null)
                .forEach(u -> regions.putIfAbsent(ReferenceData.REGION_CODES.get(u.regionEn()), u));
        LocalDate regionsEnd = ReferenceData.VN34_FROM.minusDays(1);
        regions.forEach((code, member) -> rows.add(RowFactory.create(code, ReferenceData.REGION, member.regionVi(),
                member.regionEn(), ReferenceData.REGION, member.regionVi(), member.regionEn(),
                Date.valueOf(ReferenceData.VN63_FROM), Date.valueOf(regionsEnd), null, null,
                !today.isBefore(ReferenceData.VN63_FROM) && !today.isAfter(regionsEnd))));
        return rows;
    }

    /** dim_industry rows for VSIC 4-digit classes (of the survey's baskets): C1010 under C10, under C. */
    public static List<Row> classes(List<String> vsic4Codes, ReferenceData reference) {
        List<Row> rows = new ArrayList<>();
        for (String vsic4 : vsic4Codes) {
            Industry division = reference.industries().values().stream()
                    .filter(i -> "division".equals(i.level()) && i.code().endsWith(vsic4.substring(0, 2))
                            && i.code().length() == 3).findFirst().orElse(null);
            if (division == null) {
                continue;
            }
            rows.add(RowFactory.create(division.sectionCode() + vsic4, "class", division.sectionCode(),
                    division.code(), "Ngành cấp 4 VSIC " + vsic4, "VSIC 2018 class " + vsic4, "VSIC 2018"));
        }
        return rows;
    }

    public static List<Row> industry(ReferenceData reference) {
        List<Row> rows = new ArrayList<>();
        for (Industry i : reference.industries().values()) {
            rows.add(RowFactory.create(i.code(), i.level(), i.sectionCode(), i.parentCode(), i.nameVi(), i.nameEn(),
                    "VSIC 2018"));
        }
        return rows;
    }

    /** Months, quarters and years of the calendar range, each flagged when it contains the first day of Tết. */
    public static List<Row> period(ReferenceData reference) {
        List<Row> rows = new ArrayList<>();
        for (int year = FIRST_CALENDAR_YEAR; year <= LAST_CALENDAR_YEAR; year++) {
            LocalDate tet = reference.tetDates().get(year);
            rows.add(periodRow(Period.ofYear(year), tet));
            for (int quarter = 1; quarter <= 4; quarter++) {
                rows.add(periodRow(Period.ofQuarter(year, quarter), tet));
            }
            for (int month = 1; month <= 12; month++) {
                rows.add(periodRow(Period.ofMonth(year, month), tet));
            }
        }
        return rows;
    }

    private static Row periodRow(Period p, LocalDate tet) {
        Boolean containsTet = tet == null ? null : !tet.isBefore(p.start()) && !tet.isAfter(p.end());
        Boolean janFeb = p.month() == null ? null : p.month() <= 2;
        return RowFactory.create(p.label(), p.type(), p.year(), p.quarter(), p.month(), Date.valueOf(p.start()),
                Date.valueOf(p.end()), containsTet, tet == null ? null : Date.valueOf(tet), janFeb);
    }

    public static List<Row> comparison() {
        return List.of(
                RowFactory.create(Comparison.MOM, Period.MONTH, "Month vs previous month",
                        "Tháng báo cáo so với tháng trước"),
                RowFactory.create(Comparison.YOY, Period.MONTH, "Month vs same month of previous year",
                        "Tháng báo cáo so với cùng kỳ năm trước"),
                RowFactory.create(Comparison.YTD_YOY, Period.MONTH,
                        "January to this month vs same months of previous year (cumulative)",
                        "Cộng dồn / tính chung từ đầu năm so với cùng kỳ năm trước"),
                RowFactory.create(Comparison.Q_YOY, Period.QUARTER, "Quarter vs same quarter of previous year",
                        "Quý báo cáo so với cùng kỳ năm trước"),
                RowFactory.create(Comparison.ANNUAL_YOY, Period.YEAR, "Year vs previous year",
                        "Năm báo cáo so với năm trước"));
    }

    /** One row per release, from the observations (a Dataset transform). */
    public static Dataset<Row> release(Dataset<Row> observations) {
        return observations.groupBy("release_id").agg(
                        first(col("publisher")).as("publisher"),
                        first(col("release_date")).as("release_date"),
                        count(col("value_pct")).as("observations"),
                        concat_ws(",", sort_array(collect_set(col("period")))).as("periods"),
                        countDistinct(col("file_sha256")).cast("int").as("files"));
    }
}
