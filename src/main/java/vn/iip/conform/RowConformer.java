package vn.iip.conform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import vn.iip.reference.ReferenceData;

/**
 * Turns one raw row of the long format into an {@link Observation}, or into a rejection that names the file, the
 * row, the column, the value and the rule. Pure: no Spark, no IO.
 */
public final class RowConformer {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** An index below this is a fall of more than 80%: almost always a growth rate labelled as an index. */
    private static final BigDecimal LOWEST_PLAUSIBLE_INDEX = BigDecimal.valueOf(20);
    private static final BigDecimal LARGEST_GROWTH = BigDecimal.valueOf(1000);

    private final GeographyResolver geography;
    private final IndustryResolver industries;
    private final LocalDate latestReleaseDate;
    // A release repeats a few dozen geographies, industries, comparisons and units thousands of times: each text is
    // resolved once (every resolution is a pure function of its text).
    private final Memo<String, String> publishers = new Memo<>(RowConformer::publisher);
    private final Memo<String, Outcome<Period>> periods = new Memo<>(Periods::parse);
    private final Memo<GeoText, Outcome<GeographyResolver.Geo>> geographies;
    private final Memo<String, Outcome<String>> industryCodes;
    private final Memo<ComparisonText, Outcome<Comparison>> comparisons = new Memo<>(
            key -> Comparisons.resolve(key.text(), key.periodType()));
    private final Memo<String, Outcome<String>> measures = new Memo<>(Measures::measure);
    private final Memo<ComparisonText, Outcome<String>> units = new Memo<>(
            key -> Measures.unit(key.text(), key.periodType()));
    private final Memo<String, Outcome<PublishedNumber>> numbers = new Memo<>(VietnameseNumbers::parse);
    private final Memo<String, Outcome<String>> statuses = new Memo<>(Measures::status);

    public RowConformer(ReferenceData reference) {
        this(reference, LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** @param today the day of the run: a release date after tomorrow is refused */
    public RowConformer(ReferenceData reference, LocalDate today) {
        this.geography = new GeographyResolver(reference);
        this.industries = new IndustryResolver(reference);
        this.latestReleaseDate = today.plusDays(1);
        this.geographies = new Memo<>(key -> geography.resolve(key.text(), key.start(), key.end()));
        this.industryCodes = new Memo<>(industries::resolve);
    }

    private record GeoText(String text, LocalDate start, LocalDate end) {}

    /** A text with what its reading depends on (a comparison's period type, a unit's measure). */
    private record ComparisonText(String text, String periodType) {}

    /** A bounded cache of a pure function: cleared when full, so odd inputs cannot grow it without end. */
    private static final class Memo<K, V> {
        private static final int LIMIT = 20_000;
        private final java.util.HashMap<K, V> values = new java.util.HashMap<>();
        private final java.util.function.Function<K, V> function;

        Memo(java.util.function.Function<K, V> function) {
            this.function = function;
        }

        V get(K key) {
            V value = values.get(key);
            if (value == null) {
                if (values.size() >= LIMIT) {
                    values.clear();
                }
                value = function.apply(key);
                values.put(key, value);
            }
            return value;
        }
    }

    /** Field of a raw row: the geography version of a geo code that a reader has already resolved. */
    public static final String GEO_VERSION = "geo_version";
    /** Field of a raw row: the geography as the file wrote it, when the geo field holds a resolved code. */
    public static final String GEO_INPUT = "geo_input";

    public ConformedRow conform(Map<String, String> fields, String fileName, int rowNumber) {
        return conform(fields, fileName, "row " + rowNumber);
    }

    /** @param where the place in the file as a person finds it: "row 7", "IIP!D7", PC-Axis variable values */
    public ConformedRow conform(Map<String, String> fields, String fileName, String where) {
        Place place = new Place(fileName, where, fields);
        String releaseText = place.value("release_date");
        LocalDate releaseDate;
        try {
            releaseDate = LocalDate.parse(releaseText.trim());
        } catch (DateTimeParseException e) {
            return place.reject("release_date", Rules.RELEASE_DATE_INVALID, "release_date '" + releaseText
                    + "' is not a date in YYYY-MM-DD form (the day the figure was published)");
        }
        if (releaseDate.isAfter(latestReleaseDate)) {
            return place.reject("release_date", Rules.RELEASE_DATE_INVALID, "release_date " + releaseDate
                    + " is in the future; a figure is stored with the day it was published: check the year");
        }
        String publisher = publishers.get(place.value("publisher"));
        if (publisher.isEmpty()) {
            return place.reject("publisher", Rules.PUBLISHER_MISSING, "publisher is empty; name who published the"
                    + " figure (GSO, NSO, MOIT, a provincial statistics office)");
        }
        Outcome<Period> period = periods.get(place.value("period"));
        if (!period.isOk()) {
            return place.reject("period", period);
        }
        Period p = period.value();
        if (releaseDate.isBefore(p.start())) {
            return place.reject("release_date", Rules.RELEASE_BEFORE_PERIOD, "release_date " + releaseDate
                    + " is before period " + p.label() + " starts (" + p.start() + "); a figure cannot be published"
                    + " before its period begins: check both columns");
        }
        // A reader that resolved the geography itself (a workbook title) passes its version along with the code.
        Outcome<GeographyResolver.Geo> geo = fields.containsKey(GEO_VERSION)
                ? geography.resolved(place.value("geo").trim(), place.value(GEO_VERSION), p.end())
                : geographies.get(new GeoText(place.value("geo"), p.start(), p.end()));
        if (!geo.isOk()) {
            return place.reject("geo", geo);
        }
        if (fields.containsKey("product")) {
            return ProductFigures.conform(place::value, (column, outcome) -> place.reject(column, outcome),
                    new Observation(publisher + "@" + releaseDate, releaseDate, publisher, p, geo.value().code(),
                            geo.value().version(), geoInput(place), null, null, false, null, null, null,
                            null, null, 0, null, place.value("source").trim().isEmpty() ? null
                            : place.value("source").trim(), null, null, null));
        }
        Outcome<String> industry = industryCodes.get(place.value("industry"));
        if (!industry.isOk()) {
            return place.reject("industry", industry);
        }
        Outcome<Comparison> comparison = comparisons.get(new ComparisonText(place.value("comparison"), p.type()));
        if (!comparison.isOk()) {
            return place.reject("comparison", comparison);
        }
        Outcome<String> measure = measures.get(place.value("measure"));
        if (!measure.isOk()) {
            return place.reject("measure", measure);
        }
        if (comparison.value().contributionHint() && !Measures.CONTRIBUTION_PP.equals(measure.value())) {
            return place.reject("measure", Rules.UNIT_MEASURE_MISMATCH, "comparison '" + place.value("comparison")
                    + "' is a contribution in percentage points but measure is '" + place.value("measure")
                    + "'; write measure contribution_pp and unit pp");
        }
        Outcome<String> unit = units.get(new ComparisonText(place.value("unit"), measure.value()));
        if (!unit.isOk()) {
            return place.reject("unit", unit);
        }
        Outcome<PublishedNumber> number = numbers.get(place.value("value"));
        if (!number.isOk()) {
            return place.reject("value", number);
        }
        Outcome<BigDecimal[]> values = growthAndIndex(number.value(), unit.value(), place.value("value"));
        if (!values.isOk()) {
            return place.reject("value", values);
        }
        Outcome<String> status = statuses.get(place.value("status"));
        if (!status.isOk()) {
            return place.reject("status", status);
        }
        BigDecimal[] growthIndex = values.value();
        String source = place.value("source").trim();
        return ConformedRow.accepted(new Observation(publisher + "@" + releaseDate, releaseDate, publisher, p,
                geo.value().code(), geo.value().version(), geoInput(place), industry.value(),
                comparison.value().code(), comparison.value().inferred(), measure.value(),
                growthIndex[0] == null ? null : growthIndex[0].doubleValue(),
                growthIndex[1] == null ? null : growthIndex[1].doubleValue(),
                place.value("value").trim(), unit.value(), number.value().decimals(), status.value(),
                source.isEmpty() ? null : source, null, null, null));
    }

    /** [growth in % or pp, index (base 100) or null], computed exactly so 119,17 gives 19.17 and not 19.170000000000002. */
    static Outcome<BigDecimal[]> growthAndIndex(PublishedNumber number, String unit, String raw) {
        if (!number.available()) {
            return Outcome.ok(new BigDecimal[] {null, null});
        }
        BigDecimal value = number.value();
        BigDecimal growth;
        BigDecimal index;
        switch (unit) {
            case Measures.UNIT_INDEX -> {
                if (value.compareTo(LOWEST_PLAUSIBLE_INDEX) < 0) {
                    return Outcome.rejected(Rules.VALUE_OUT_OF_DOMAIN, "value '" + raw + "' with unit index means a fall"
                            + " of " + HUNDRED.subtract(value).toPlainString() + "%; an index (previous period = 100) is"
                            + " almost never below " + LOWEST_PLAUSIBLE_INDEX + ": if it is a growth rate, set unit to pct");
                }
                index = value;
                growth = value.subtract(HUNDRED);
            }
            case Measures.UNIT_PCT -> {
                growth = value;
                index = value.add(HUNDRED);
                if (index.signum() <= 0) {
                    return Outcome.rejected(Rules.VALUE_OUT_OF_DOMAIN, "value '" + raw + "' with unit pct is a fall of"
                            + " 100% or more, which an index of production cannot show; check the sign and the unit");
                }
            }
            default -> {
                growth = value;
                index = null;
            }
        }
        if (growth.abs().compareTo(LARGEST_GROWTH) >= 0) {
            return Outcome.rejected(Rules.VALUE_OUT_OF_DOMAIN, "value '" + raw + "' means a change of "
                    + growth.toPlainString() + " " + (index == null ? "pp" : "%") + ", beyond any published IIP figure;"
                    + " check the number and its unit");
        }
        return Outcome.ok(new BigDecimal[] {growth, index});
    }

    /** The national offices under their usual names, so one release read from a workbook and a CSV is one release. */
    private static final Map<String, String> OFFICES = Map.of(
            "tong cuc thong ke", "GSO", "general statistics office", "GSO",
            "general statistics office of vietnam", "GSO", "tong cuc thong ke viet nam", "GSO",
            "cuc thong ke", "NSO", "cuc thong ke bo tai chinh", "NSO", "national statistics office", "NSO",
            "bo cong thuong", "MOIT", "ministry of industry and trade", "MOIT");

    static String publisher(String raw) {
        String text = VietnameseText.display(raw);
        // "Tổng cục Thống kê (PX-Web)" is still GSO.
        String office = OFFICES.get(VietnameseText.words(text.replaceAll("\\s*\\([^)]*\\)\\s*$", "")));
        if (office != null) {
            return office;
        }
        return text.matches("[A-Za-z]{2,8}") ? text.toUpperCase(java.util.Locale.ROOT) : text;
    }

    private static String geoInput(Place place) {
        return (place.fields().containsKey(GEO_INPUT) ? place.value(GEO_INPUT) : place.value("geo")).trim();
    }

    /** Where a row came from, to prefix every message with it. */
    private record Place(String fileName, String where, Map<String, String> fields) {
        String value(String column) {
            String value = fields.get(column);
            return value == null ? "" : value;
        }

        ConformedRow reject(String column, Outcome<?> outcome) {
            return reject(column, outcome.ruleId(), outcome.message());
        }

        ConformedRow reject(String column, String ruleId, String message) {
            return ConformedRow.rejected(ruleId, column, value(column),
                    fileName + " " + where + ", column " + column + ": " + message);
        }
    }
}
