package vn.iip.conform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.iip.reference.GeoUnit;
import vn.iip.reference.ReferenceData;

/**
 * Resolves the geo column (VN, a code, or a province name in any common spelling) in the geography valid at the
 * period: 63 provinces until 2025-06-30, 34 units from 2025-07-01. Seven codes mean different provinces in the two
 * versions (15, 24, 44, 52, 80, 82, 91), so a code is never read without its version.
 */
public final class GeographyResolver {
    /** A resolved unit: its code and geography version. */
    public record Geo(String code, String version) {}

    private static final Pattern CODE = Pattern.compile("\\d{1,2}");
    /** "22 Quảng Ninh", "22 - Quảng Ninh": a code with its name, as the reference lists write them. */
    private static final Pattern CODE_AND_NAME = Pattern.compile("(\\d{2})\\s*[-–.:]?\\s+(\\D.*)");
    private static final Pattern PREFIX = Pattern.compile("^(tinh|thanh pho|tp|t p|tx)\\s+");
    private static final Pattern SUFFIX = Pattern.compile("\\s+(city|province)$");

    private final Map<String, Map<String, GeoUnit>> byCode = new HashMap<>();
    private final Map<String, Map<String, GeoUnit>> byKey = new HashMap<>();
    private final Map<String, String> aliasTargets = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();

    public GeographyResolver(ReferenceData reference) {
        for (GeoUnit unit : reference.geography()) {
            byCode.computeIfAbsent(unit.version(), v -> new HashMap<>()).putIfAbsent(unit.code(), unit);
            if (unit.regionVi() != null) {
                regions.put(nameKey(unit.regionVi()), unit.regionVi());
                regions.put(nameKey(unit.regionEn()), unit.regionVi());
            }
            if (!unit.isCountry()) {
                byKey.computeIfAbsent(unit.version(), v -> new HashMap<>()).put(nameKey(unit.nameVi()), unit);
                byKey.get(unit.version()).putIfAbsent(nameKey(unit.nameEn()), unit);
            }
        }
        for (String[] pair : reference.geoSynonyms()) {
            aliasTargets.put(nameKey(pair[0]), pair[1]);
        }
    }

    public static String versionAt(LocalDate date) {
        return date.isBefore(ReferenceData.VN34_FROM) ? ReferenceData.VN63 : ReferenceData.VN34;
    }

    /** Resolves {@code raw} for a period ending on {@code periodEnd}. */
    public Outcome<Geo> resolve(String raw, LocalDate periodStart, LocalDate periodEnd) {
        String text = raw == null ? "" : VietnameseText.display(raw);
        if (text.isEmpty()) {
            return Outcome.rejected(Rules.GEO_UNKNOWN, "geo is empty; write VN, a 2-digit province code or a province name");
        }
        String version = versionAt(periodEnd);
        String key = nameKey(text);
        if (key.equals("vn") || "VN".equals(aliasTargets.get(key))) {
            return Outcome.ok(new Geo("VN", version));
        }
        if (periodStart.isBefore(ReferenceData.VN63_FROM)) {
            return Outcome.rejected(Rules.GEO_NOT_IN_VERSION, "geo '" + raw + "' is for a period starting "
                    + periodStart + ", before the 63-province geography (from " + ReferenceData.VN63_FROM
                    + "); earlier geographies are not supported");
        }
        if (CODE.matcher(text).matches()) {
            return byCode(text.length() == 1 ? "0" + text : text, raw, version);
        }
        java.util.regex.Matcher codeAndName = CODE_AND_NAME.matcher(text);
        if (codeAndName.matches()) {
            return codeWithName(codeAndName.group(1), codeAndName.group(2), raw, version);
        }
        GeoUnit unit = lookupName(key, version);
        if (unit != null) {
            return Outcome.ok(new Geo(unit.code(), version));
        }
        if (regions.containsKey(key)) {
            return Outcome.rejected(Rules.GEO_REGION_NOT_STORED, "'" + raw + "' is the statistical region "
                    + regions.get(key) + "; regional figures are not stored yet (only the country and provinces),"
                    + " so this row is set aside");
        }
        String other = otherVersion(version);
        GeoUnit elsewhere = lookupName(key, other);
        if (elsewhere != null) {
            return Outcome.rejected(Rules.GEO_NOT_IN_VERSION, notInVersion("'" + raw + "'", elsewhere, version));
        }
        return Outcome.rejected(Rules.GEO_UNKNOWN, "Cannot resolve province '" + raw + "': no match among the "
                + count(version) + " units of " + version + suggestion(key, version)
                + "; fix the spelling or use the 2-digit code");
    }

    /**
     * A unit a reader already resolved, as (code, version): checked against the period, never read again in another
     * version (24 is Bắc Giang in vn63 and Bắc Ninh in vn34). A vn63 unit for a period ending after 2025-06-30 is
     * {@code geo_not_in_version}, as the same name would be.
     */
    public Outcome<Geo> resolved(String code, String version, LocalDate periodEnd) {
        Map<String, GeoUnit> units = byCode.get(version);
        if (units == null || !units.containsKey(code)) {
            return Outcome.rejected(Rules.GEO_UNKNOWN, "geo " + code + " does not exist in geography version '"
                    + version + "'; use vn63 (until 2025-06-30) or vn34 (from 2025-07-01) codes");
        }
        String valid = versionAt(periodEnd);
        if (!valid.equals(version)) {
            return Outcome.rejected(Rules.GEO_NOT_IN_VERSION, notInVersion(units.get(code).nameVi() + " (" + code + ", "
                    + version + ")", units.get(code), valid));
        }
        return Outcome.ok(new Geo(code, version));
    }

    private Outcome<Geo> byCode(String code, String raw, String version) {
        if (byCode.get(version).containsKey(code)) {
            return Outcome.ok(new Geo(code, version));
        }
        GeoUnit elsewhere = byCode.get(otherVersion(version)).get(code);
        if (elsewhere != null) {
            return Outcome.rejected(Rules.GEO_NOT_IN_VERSION, notInVersion("code " + code, elsewhere, version));
        }
        return Outcome.rejected(Rules.GEO_UNKNOWN, "province code '" + raw + "' does not exist in " + version
                + "; use a GSO province code (01–96) valid for the period");
    }

    private Outcome<Geo> codeWithName(String code, String name, String raw, String version) {
        Outcome<Geo> coded = byCode(code, raw, version);
        GeoUnit named = lookupName(nameKey(name), version);
        if (named == null) {
            GeoUnit elsewhere = lookupName(nameKey(name), otherVersion(version));
            return elsewhere == null
                    ? Outcome.rejected(Rules.GEO_UNKNOWN, "geo '" + raw + "': '" + name + "' is not a province of "
                            + version + "; correct the name or give the code alone")
                    : Outcome.rejected(Rules.GEO_NOT_IN_VERSION, notInVersion("'" + raw + "'", elsewhere, version));
        }
        if (coded.isOk() && named != null && !named.code().equals(code)) {
            return Outcome.rejected(Rules.GEO_UNKNOWN, "geo '" + raw + "' names " + named.nameVi() + " (" + named.code()
                    + ") but gives code " + code + " (" + byCode.get(version).get(code).nameVi() + ") in " + version
                    + "; correct the code or the name");
        }
        return coded;
    }

    private String notInVersion(String what, GeoUnit elsewhere, String version) {
        if (ReferenceData.VN34.equals(version)) {
            GeoUnit successor = byCode.get(ReferenceData.VN34).get(elsewhere.successorCode());
            return what + " is " + elsewhere.nameVi() + " of the 63-province list, which ended on 2025-06-30 (merged into "
                    + successor.code() + " " + successor.nameVi() + "); periods from 2025-07 use the 34 units:"
                    + " use " + successor.code() + " or check the period";
        }
        return what + " is " + elsewhere.nameVi() + " of the 34 units valid from 2025-07-01, but the period is"
                + " before that; use the 63-province code or name, or check the period";
    }

    private GeoUnit lookupName(String key, String version) {
        Map<String, GeoUnit> names = byKey.get(version);
        GeoUnit unit = names.get(key);
        if (unit == null && aliasTargets.containsKey(key)) {
            unit = names.get(nameKey(aliasTargets.get(key)));
        }
        return unit;
    }

    private String suggestion(String key, String version) {
        Optional<GeoUnit> best = byKey.get(version).entrySet().stream()
                .filter(e -> VietnameseText.distance(e.getKey(), key) <= Math.max(2, key.length() / 4))
                .min(Comparator.comparingInt(e -> VietnameseText.distance(e.getKey(), key)))
                .map(Map.Entry::getValue);
        return best.map(u -> "; did you mean '" + u.nameVi() + "' (" + u.code() + ")?").orElse("");
    }

    private long count(String version) {
        List<String> codes = new ArrayList<>(byCode.get(version).keySet());
        return codes.stream().filter(c -> !c.equals("VN")).count();
    }

    private static String otherVersion(String version) {
        return ReferenceData.VN63.equals(version) ? ReferenceData.VN34 : ReferenceData.VN63;
    }

    /** Folded name with the administrative prefix ("Tỉnh", "TP.", "Thành phố") and English suffix removed. */
    static String nameKey(String name) {
        String words = VietnameseText.words(name);
        words = PREFIX.matcher(words).replaceFirst("");
        words = SUFFIX.matcher(words).replaceFirst("");
        return words.replace(" ", "");
    }
}
