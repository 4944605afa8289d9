package vn.iip.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled reference lists (src/main/resources/reference, sources in its README): geography in both versions,
 * VSIC 2018 sections B–E with divisions, name synonyms and the Tết calendar. Loaded once per JVM; immutable.
 */
public final class ReferenceData {
    public static final String VN63 = "vn63";
    public static final String VN34 = "vn34";
    /** First day of the 34-unit geography (NQ 202/2025/QH15). */
    public static final LocalDate VN34_FROM = LocalDate.of(2025, 7, 1);
    /** First day of the 63-province geography (Hà Tây merged into Hà Nội). */
    public static final LocalDate VN63_FROM = LocalDate.of(2008, 8, 1);

    /** The six GSO statistical regions of the 63 provinces (by their English name) with the codes R1–R6. */
    public static final Map<String, String> REGION_CODES = Map.of("Red River Delta", "R1",
            "Northern Midlands and Mountains", "R2", "North Central and South Central Coast", "R3",
            "Central Highlands", "R4", "South East", "R5", "Mekong River Delta", "R6");
    public static final String REGION = "region";

    /** The years the computed calendar covers (Tết dates, dim_calendar, the seasonal regressors). */
    public static final int FIRST_CALENDAR_YEAR = 1900;
    public static final int LAST_CALENDAR_YEAR = 2100;

    private static volatile ReferenceData instance;

    private final List<GeoUnit> geography;
    private final Map<String, Industry> industries;
    private final List<String[]> geoSynonyms;
    private final List<String[]> industrySynonyms;
    private final Map<Integer, LocalDate> tetDates;

    private ReferenceData() {
        this.geography = Collections.unmodifiableList(loadGeography());
        this.industries = Collections.unmodifiableMap(loadIndustries());
        this.geoSynonyms = pairs("/reference/geography_synonyms.csv", "alias", "code_or_name");
        this.industrySynonyms = pairs("/reference/industry_synonyms.csv", "label", "industry_code");
        Map<Integer, LocalDate> tet = new LinkedHashMap<>();
        for (int year = FIRST_CALENDAR_YEAR; year <= LAST_CALENDAR_YEAR; year++) {
            tet.put(year, LunarCalendar.VIETNAM.newYear(year));
        }
        this.tetDates = Collections.unmodifiableMap(tet);
    }

    private ReferenceData(ReferenceData base, SynonymAdditions additions) {
        this.geography = base.geography;
        this.industries = base.industries;
        List<String[]> geo = new ArrayList<>(base.geoSynonyms);
        geo.addAll(additions.geography());
        List<String[]> industry = new ArrayList<>(base.industrySynonyms);
        industry.addAll(additions.industry());
        this.geoSynonyms = Collections.unmodifiableList(geo);
        this.industrySynonyms = Collections.unmodifiableList(industry);
        this.tetDates = base.tetDates;
    }

    /** The bundled reference data with an operator's synonyms added after the bundled ones. */
    public ReferenceData with(SynonymAdditions additions) {
        return additions.isEmpty() ? this : new ReferenceData(this, additions);
    }

    public static ReferenceData get() {
        if (instance == null) {
            synchronized (ReferenceData.class) {
                if (instance == null) {
                    instance = new ReferenceData();
                }
            }
        }
        return instance;
    }

    public List<GeoUnit> geography() {
        return geography;
    }

    public Map<String, Industry> industries() {
        return industries;
    }

    /** Pairs (alias, target) where target is a province name or code, or VN. */
    public List<String[]> geoSynonyms() {
        return geoSynonyms;
    }

    public List<String[]> industrySynonyms() {
        return industrySynonyms;
    }

    /** First day of the lunar new year (Tết Nguyên Đán) per Gregorian year 1900–2100, from {@link LunarCalendar}. */
    public Map<Integer, LocalDate> tetDates() {
        return tetDates;
    }

    private static List<GeoUnit> loadGeography() {
        List<GeoUnit> units = new ArrayList<>();
        LocalDate end = LocalDate.of(9999, 12, 31);
        units.add(new GeoUnit("VN", VN63, "Cả nước", "Viet Nam", null, null, VN63_FROM, VN34_FROM.minusDays(1), "VN"));
        units.add(new GeoUnit("VN", VN34, "Cả nước", "Viet Nam", null, null, VN34_FROM, end, null));
        for (Map<String, String> row : CsvResource.read("/reference/geography_vn63.csv")) {
            units.add(new GeoUnit(row.get("code"), VN63, row.get("name_vi"), row.get("name_en"), row.get("region_vi"),
                    row.get("region_en"), LocalDate.parse(row.get("valid_from")), LocalDate.parse(row.get("valid_to")),
                    row.get("successor_code_vn34")));
        }
        for (Map<String, String> row : CsvResource.read("/reference/geography_vn34.csv")) {
            // Regions of the 34 units are not derived by rule (IIP-DOMAIN §3.2): left empty until NSO publishes them.
            units.add(new GeoUnit(row.get("code"), VN34, row.get("name_vi"), row.get("name_en"), null, null,
                    LocalDate.parse(row.get("valid_from")), LocalDate.parse(row.get("valid_to")), null));
        }
        return units;
    }

    private static Map<String, Industry> loadIndustries() {
        Map<String, Industry> result = new LinkedHashMap<>();
        result.put(Industry.TOTAL, new Industry(Industry.TOTAL, "total", null, null, "Toàn ngành công nghiệp",
                "Total industry"));
        for (Map<String, String> row : CsvResource.read("/reference/vsic2018_sections_b_to_e.csv")) {
            String section = row.get("section");
            String division = row.get("division");
            if (division.isEmpty()) {
                result.put(section, new Industry(section, "section", section, Industry.TOTAL,
                        row.get("name_vi_vsic2018"), row.get("name_en_isic_rev4")));
            } else {
                String code = section + division;
                result.put(code, new Industry(code, "division", section, section, row.get("name_vi_vsic2018"),
                        row.get("name_en_isic_rev4")));
            }
        }
        return result;
    }

    private static List<String[]> pairs(String resource, String left, String right) {
        List<String[]> pairs = new ArrayList<>();
        for (Map<String, String> row : CsvResource.read(resource)) {
            pairs.add(new String[] {row.get(left), row.get(right)});
        }
        return Collections.unmodifiableList(pairs);
    }
}
