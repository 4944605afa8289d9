package vn.iip.ingest.workbook;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iip.conform.GeographyResolver;
import vn.iip.conform.IndustryResolver;
import vn.iip.conform.Outcome;
import vn.iip.conform.Period;
import vn.iip.conform.Periods;
import vn.iip.conform.RowConformer;
import vn.iip.conform.Rules;
import vn.iip.conform.VietnameseText;
import vn.iip.ingest.RawRecord;
import vn.iip.ingest.ReleaseMetadata;
import vn.iip.reference.ReferenceData;

/**
 * Decides what a report table is — IIP by industry, IIP by province, main products, or the discontinued gross-output
 * index — and turns each of its value cells into a long-format row. Row labels are read by conform, not here: this
 * class only counts how many labels look like provinces to tell the two IIP layouts apart.
 */
final class TableCells {
    private TableCells() {}

    enum Kind {
        INDUSTRIES("IIP table, rows are industries"),
        PROVINCES("IIP table, rows are provinces"),
        PERIODS("IIP series, rows are periods (months, quarters or years)"),
        PRODUCTS("main-products table (quantities and growth)"),
        GROSS_OUTPUT("gross-output index table (discontinued measure, quarantined)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** Built once per JVM: both index the reference lists, and a workbook has many tables. */
    private static final class Resolvers {
        static final GeographyResolver GEOGRAPHY = new GeographyResolver(ReferenceData.get());
        static final IndustryResolver INDUSTRIES = new IndustryResolver(ReferenceData.get());
    }

    private static final Pattern PROVINCE_MARKER = Pattern.compile("\\b(?:tinh|thanh pho|tp)\\b");

    static void emit(WorkbookReader.SheetTables sheet, int index, WorkbookReader.Release release, List<RawRecord> out,
                     List<String> notes) {
        SheetGrid grid = sheet.grid();
        ReportTable table = sheet.tables().get(index);
        List<String> title = sheet.titles().get(index);
        if (table.valueColumns().isEmpty()) {
            notes.add("a table at " + grid.address(table.headerFirstRow(), 0) + " skipped: no column header names a"
                    + " period");
            return;
        }
        String titlePeriod = HeaderText.periodIn(title);
        String tablePeriod = table.valueColumns().values().stream().map(HeaderText::period)
                .filter(java.util.Objects::nonNull).findFirst()
                .orElse(titlePeriod != null ? titlePeriod : firstRowPeriod(grid, table));
        if (tablePeriod == null) {
            notes.add("a table at " + grid.address(table.headerFirstRow(), 0) + " skipped: neither its column"
                    + " headers nor its title name a period (e.g. 'Tháng 11 năm 2021')");
            return;
        }
        Kind kind = kind(grid, table, title, tablePeriod);
        for (String ignored : table.ignoredColumns()) {
            notes.add("sheet '" + grid.sheetName() + "' column " + ignored + " ignored: it names no period");
        }
        String titleText = VietnameseText.display(String.join(" ", title));
        TitleProvince titleProvince = provinceInTitle(title);
        boolean growthRates = WorkbookReader.words(title).contains("toc do tang");
        for (int row : table.dataRows()) {
            if (!table.hasValues(grid, row)) {
                continue; // section headings ("Trong đó:"), footnotes: kept as lines, not figures
            }
            String label = table.label(grid, row);
            HeaderText rowPeriod = kind == Kind.PERIODS ? HeaderText.parse(withYear(label, titlePeriod)) : null;
            for (Map.Entry<Integer, HeaderText> column : table.valueColumns().entrySet()) {
                String value = grid.text(row, column.getKey());
                if (value.isBlank()) {
                    continue;
                }
                HeaderText header = column.getValue();
                Map<String, String> fields = new LinkedHashMap<>(release.fields());
                fields.put("period", rowPeriod != null && rowPeriod.period() != null ? rowPeriod.period()
                        : header.period() != null ? header.period() : titlePeriod);
                fields.put("value", value);
                String status = release.sidecar().getOrDefault("status", header.status() != null ? header.status()
                        : rowPeriod != null && rowPeriod.status() != null ? rowPeriod.status() : release.status());
                if (status != null) {
                    fields.put("status", status);
                }
                String ruleId = null;
                String reason = null;
                switch (kind) {
                    case PRODUCTS -> product(fields, label, grid.text(row, table.unitColumn()), header);
                    case INDUSTRIES, PROVINCES, PERIODS, GROSS_OUTPUT -> {
                        fields.put("measure", release.sidecar().getOrDefault("measure", "iip"));
                        fields.put("unit", release.sidecar().getOrDefault("unit", growthRates ? "pct" : "index"));
                        fields.put("comparison", release.sidecar().getOrDefault("comparison",
                                header.comparison() != null ? header.comparison()
                                        : ReleaseMetadata.comparisonInTitle(titleText)));
                        boolean provinces = kind == Kind.PROVINCES;
                        boolean industries = kind == Kind.INDUSTRIES || kind == Kind.GROSS_OUTPUT;
                        if (provinces || release.sidecar().containsKey("geo") || titleProvince == null) {
                            fields.put("geo", provinces ? label : release.sidecar().getOrDefault("geo", "VN"));
                        } else {
                            titleProvince.put(fields);
                        }
                        fields.put("industry", industries ? label : release.sidecar().getOrDefault("industry",
                                "TOTAL"));
                        if (kind == Kind.GROSS_OUTPUT) {
                            ruleId = Rules.MEASURE_GROSS_OUTPUT;
                            reason = "the table is titled '" + titleText + "': the gross-output index (chỉ số giá trị"
                                    + " sản xuất), discontinued in 2011, not the IIP; it must not be spliced onto IIP"
                                    + " series — keep such tables out of the landing folder";
                        }
                    }
                }
                String place = grid.address(row, column.getKey());
                String rawText = label + " | " + table.headers().get(column.getKey()) + " = " + value;
                out.add(new RawRecord(out.size() + 1, place, rawText, fields, ruleId, reason));
            }
        }
    }

    /** Product tables: quantities (unit from the unit column) and growth against the same period, as indices. */
    private static void product(Map<String, String> fields, String label, String unit, HeaderText header) {
        fields.put("product", label);
        fields.put("quantity_unit", unit);
        fields.put("geo", fields.getOrDefault("geo", "VN"));
        if (header.comparison() != null) {
            fields.put("measure", "product_growth");
            fields.put("comparison", header.comparison());
            fields.put("unit", "index");
        } else {
            fields.put("measure", "product_quantity");
            fields.put("comparison", header.yearToDate() ? "ytd_level" : "level");
            fields.put("unit", "quantity");
        }
    }

    static Kind kind(SheetGrid grid, ReportTable table, List<String> title, String period) {
        String titleWords = WorkbookReader.words(title) + " " + VietnameseText.words(table.headers().get(0));
        if (titleWords.contains("gia tri san xuat")) {
            return Kind.GROSS_OUTPUT;
        }
        if (table.unitColumn() >= 0 || titleWords.contains("san pham")) {
            return Kind.PRODUCTS;
        }
        if (titleWords.matches(".*\\b(dia phuong|tinh thanh pho|cac tinh|tinh thanh)\\b.*")) {
            return Kind.PROVINCES;
        }
        LocalDate start = WorkbookReader.periodStart(period);
        LocalDate end = start.plusMonths(1).minusDays(1);
        GeographyResolver geography = Resolvers.GEOGRAPHY;
        IndustryResolver industries = Resolvers.INDUSTRIES;
        int provinces = 0;
        int industryRows = 0;
        int periodRows = 0;
        for (int row : table.dataRows()) {
            String label = table.label(grid, row);
            HeaderText labelPeriod = HeaderText.parse(withYear(label, period));
            if (labelPeriod != null && labelPeriod.period() != null && labelPeriod.comparison() == null) {
                periodRows++;
                continue;
            }
            var geo = geography.resolve(label, start, end);
            if (geo.isOk() && !"VN".equals(geo.value().code()) || Rules.GEO_REGION_NOT_STORED.equals(geo.ruleId())) {
                provinces++;
            } else if (industries.resolve(label).isOk()) {
                industryRows++;
            }
        }
        if (periodRows > provinces && periodRows > industryRows) {
            return Kind.PERIODS;
        }
        return provinces > industryRows ? Kind.PROVINCES : Kind.INDUSTRIES;
    }

    /** "Tháng 3" or "Quý I" under a title naming the year: the month or quarter of that year. */
    static String withYear(String label, String titlePeriod) {
        String words = VietnameseText.words(label);
        boolean bare = words.matches("(thang \\d{1,2}|quy (i|ii|iii|iv|[1-4]))");
        return bare && titlePeriod != null ? label + " năm " + titlePeriod.substring(0, 4) : label;
    }

    /** The period of the first data row's label, for tables whose rows are periods ("Tháng 1/2021", …). */
    private static String firstRowPeriod(SheetGrid grid, ReportTable table) {
        for (int row : table.dataRows()) {
            HeaderText label = HeaderText.parse(table.label(grid, row));
            if (label != null && label.period() != null) {
                return label.period();
            }
        }
        return null;
    }

    /**
     * The province a title names: "CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP TỈNH ĐỒNG NAI THÁNG 11 NĂM 2021" is Đồng Nai's table.
     * {@code name} is the longest run of up to four words after "tỉnh", "thành phố" or "TP." that names a province of
     * either geography; {@code line} is the title line, as written.
     */
    record TitleProvince(String name, String line) {
        /**
         * Resolved once, for the cell's own period (its end decides the geography, as for every geo), and passed on
         * as (code, version): a vn63 code read again in vn34 would be another province. A name that is not valid
         * for the period goes on as the name, so conform gives it the rule and reason any file would get.
         */
        void put(Map<String, String> fields) {
            fields.put(RowConformer.GEO_INPUT, line);
            Outcome<Period> period = Periods.parse(fields.getOrDefault("period", ""));
            Outcome<GeographyResolver.Geo> geo = period.isOk()
                    ? Resolvers.GEOGRAPHY.resolve(name, period.value().start(), period.value().end()) : null;
            if (geo != null && geo.isOk()) {
                fields.put("geo", geo.value().code());
                fields.put(RowConformer.GEO_VERSION, geo.value().version());
            } else {
                fields.put("geo", name);
            }
        }
    }

    /** The province named in the title, or null (the country's table). */
    static TitleProvince provinceInTitle(List<String> title) {
        for (String line : title) {
            String words = VietnameseText.words(line);
            Matcher marker = PROVINCE_MARKER.matcher(words);
            while (marker.find()) {
                String[] after = words.substring(marker.end()).trim().split(" ");
                for (int n = Math.min(4, after.length); n >= 1; n--) {
                    String candidate = String.join(" ", java.util.Arrays.copyOf(after, n));
                    if (namesProvince(candidate)) {
                        return new TitleProvince(candidate, VietnameseText.display(line));
                    }
                }
            }
        }
        return null;
    }

    /** A province of the 63 or of the 34 units (any day of each geography). */
    private static boolean namesProvince(String candidate) {
        for (LocalDate day : List.of(ReferenceData.VN34_FROM.minusDays(1), ReferenceData.VN34_FROM)) {
            var geo = Resolvers.GEOGRAPHY.resolve(candidate, day, day);
            if (geo.isOk() && !"VN".equals(geo.value().code())) {
                return true;
            }
        }
        return false;
    }
}
