package vn.iip.sample;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import vn.iip.reference.ReferenceData;

/** The SQL that makes the synthetic survey rounds (one statement; the generator's views as its inputs). */
final class SyntheticRounds {
    private SyntheticRounds() {}

    /** Published annual IIP growth, % (IIP-DOMAIN §4; 2023 on: a plausible 6 %). */
    static final Map<Integer, Double> ANNUAL_GROWTH = Map.of(2015, 9.8, 2016, 7.4, 2017, 9.4, 2018, 10.2,
            2019, 9.1, 2020, 3.3, 2021, 4.8, 2022, 7.8);

    /** The first month (index) of enterprises whose product is new in the 2020 basket. */
    static final int ONLY_2020_FROM = 2019 * 12;

    static String statement(SyntheticSurvey.Size size) {
        int first = monthIndex(size.firstMonth());
        int last = monthIndex(size.lastMonth());
        int vn34From = 2025 * 12 + 6;
        int only2020From = ONLY_2020_FROM;
        return "WITH months AS (SELECT explode(sequence(" + first + ", " + last + ")) AS t),\n"
                + "ep AS (SELECT e.enterprise, e.enterprise_id, e.level, v.code AS province63, v.successor AS unit34,"
                + " p.product, p.product_code, p.vsic4, p.unit, p.only_2020"
                + " FROM synthetic_enterprise e JOIN " + Provinces.VIEW + " v ON e.province_index = v.idx"
                + " JOIN synthetic_product p ON e.product = p.product),\n"
                + "grid AS (SELECT ep.*, m.t, CAST(floor(m.t / 12) AS INT) AS year,"
                + " CAST(m.t - floor(m.t / 12) * 12 + 1 AS INT) AS month FROM ep CROSS JOIN months m"
                + " WHERE NOT ep.only_2020 OR m.t >= " + only2020From + "),\n"
                + "answers AS (SELECT grid.*, format_string('%04d-%02d', year, month) AS period,"
                + " level * exp(" + trend() + ") * " + tet() + " * (0.97 + pmod(hash(enterprise, product, t, 1), 600)"
                + " / 10000.0) AS q,"
                + " pmod(hash(enterprise, product, t, 3), 100) < 4 AS silent,"
                + " pmod(hash(enterprise, product, t, 5), 100) < 3 AS restated,"
                + " CASE WHEN t < " + vn34From + " THEN province63 ELSE unit34 END AS province_code FROM grid)\n"
                + "SELECT period, CAST(date_add(add_months(make_date(year, month, 1), 1), 4) AS STRING) AS collected_on,"
                + " enterprise_id, province_code, vsic4, product_code, unit,"
                + " CASE WHEN silent THEN '' ELSE CAST(round(q, 3) AS STRING) END AS quantity,"
                + " CASE WHEN silent THEN 'no_report' ELSE 'reported' END AS response FROM answers\n"
                + "UNION ALL\n"
                + "SELECT period, CAST(date_add(add_months(make_date(year, month, 1), 2), 4) AS STRING),"
                + " enterprise_id, province_code, vsic4, product_code, unit, CAST(round(q * 1.02, 3) AS STRING),"
                + " 'reported' FROM answers WHERE restated";
    }

    static int monthIndex(String period) {
        return Integer.parseInt(period.substring(0, 4)) * 12 + Integer.parseInt(period.substring(5, 7)) - 1;
    }

    /**
     * ln(level) of the national trend at month t: each year's mean level grows by that year's published growth,
     * with a gentle slope within the year (centred on mid-year, so the annual means keep the published rates).
     */
    private static String trend() {
        StringBuilder cases = new StringBuilder("CASE");
        double cumulated = 0;
        for (int year = 2010; year <= 2040; year++) {
            double growth = Math.log1p(ANNUAL_GROWTH.getOrDefault(year, 6.0) / 100);
            cumulated += growth;
            cases.append(" WHEN year = ").append(year).append(" THEN ").append(cumulated).append(" + ")
                    .append(growth).append(" * (month - 6.5) / 12.0");
        }
        return cases.append(" ELSE 0 END").toString();
    }

    /**
     * Tết: factories stop around the holiday, so a month loses output in proportion to the days of the 22-day window
     * (7 days before Tết to 14 after) that fall in it, 22 % of a month's output for the whole window. Tết moves
     * between late January and mid-February, so the loss falls on January, February or both: the single-month
     * rates swing by about ±20 % (as GSO's do), while the year loses the same every year.
     */
    static final double TET_LOSS = 0.22;
    static final int TET_DAYS_BEFORE = 7;
    static final int TET_DAYS_AFTER = 14;

    /** The regular seasonal pattern, January to December (the year-end push, the dip after Tết's preparations). */
    static final double[] SEASONAL = {1.02, 0.97, 1.00, 0.98, 1.00, 1.01, 0.98, 1.00, 1.00, 1.01, 1.01, 1.04};

    private static String tet() {
        StringBuilder cases = new StringBuilder("(CASE");
        TreeMap<Integer, LocalDate> tet = new TreeMap<>(ReferenceData.get().tetDates());
        int window = TET_DAYS_BEFORE + 1 + TET_DAYS_AFTER;
        // The years the synthetic trend covers: one CASE branch per month the window touches, not two centuries.
        for (LocalDate day : tet.subMap(2000, true, 2040, true).values()) {
            TreeMap<java.time.YearMonth, Integer> days = new TreeMap<>();
            for (LocalDate d = day.minusDays(TET_DAYS_BEFORE); !d.isAfter(day.plusDays(TET_DAYS_AFTER)); d = d.plusDays(1)) {
                days.merge(java.time.YearMonth.from(d), 1, Integer::sum);
            }
            days.forEach((month, count) -> cases.append(" WHEN year = ").append(month.getYear()).append(" AND month = ")
                    .append(month.getMonthValue()).append(" THEN ").append(1 - TET_LOSS * count / window));
        }
        cases.append(" ELSE 1.0 END) * CASE month");
        for (int month = 1; month <= 12; month++) {
            cases.append(" WHEN ").append(month).append(" THEN ").append(SEASONAL[month - 1]);
        }
        return cases.append(" END").toString();
    }
}
