package vn.iip.conform;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iip.reference.Industry;
import vn.iip.reference.ReferenceData;

/**
 * Resolves the industry column: TOTAL, a section B–E, a VSIC 2018 division ("24", "C24") or a label (VSIC name, ISIC
 * title or GSO's short wording). Sections outside the IIP scope (A, F–U) are rejected with that reason.
 */
public final class IndustryResolver {
    private static final Pattern DIVISION = Pattern.compile("([A-Za-z])?\\s*(\\d{1,2})");
    private static final Pattern SECTION = Pattern.compile("[A-Za-z]");
    /** "C24 Sản xuất kim loại", "C - Công nghiệp chế biến, chế tạo": a code with its label. */
    private static final Pattern CODE_AND_LABEL = Pattern.compile("(TOTAL|[A-Ea-e]\\d{2}|[A-Ea-e]|\\d{2})\\s*[-–.:]?\\s+(\\D.*)");
    private static final Pattern TRAILING_CODE = Pattern.compile(".*\\(([A-Ea-e]|[A-Ea-e]?\\d{2})\\)\\s*$");

    private final Map<String, Industry> industries;
    private final Map<String, String> byLabel = new HashMap<>();

    public IndustryResolver(ReferenceData reference) {
        this.industries = reference.industries();
        for (Industry industry : industries.values()) {
            // Section D and division 35 share one name; the section wins (GSO tables use it for the section row).
            byLabel.putIfAbsent(VietnameseText.key(industry.nameVi()), industry.code());
            byLabel.putIfAbsent(VietnameseText.key(industry.nameEn()), industry.code());
        }
        for (String[] pair : reference.industrySynonyms()) {
            byLabel.put(VietnameseText.key(pair[0]), pair[1]);
        }
    }

    public Outcome<String> resolve(String raw) {
        String text = raw == null ? "" : VietnameseText.display(raw);
        if (text.isEmpty()) {
            return Outcome.rejected(Rules.INDUSTRY_UNKNOWN, "industry is empty; write TOTAL, a section B–E or a VSIC division");
        }
        Matcher trailing = TRAILING_CODE.matcher(text);
        if (trailing.matches()) {
            return resolve(trailing.group(1));
        }
        Matcher codeAndLabel = CODE_AND_LABEL.matcher(text);
        if (codeAndLabel.matches() && !byLabel.containsKey(VietnameseText.key(text))) {
            return resolve(codeAndLabel.group(1));
        }
        if (text.equalsIgnoreCase(Industry.TOTAL)) {
            return Outcome.ok(Industry.TOTAL);
        }
        if (SECTION.matcher(text).matches()) {
            String section = text.toUpperCase(java.util.Locale.ROOT);
            return industries.containsKey(section) ? Outcome.ok(section) : outOfScope(raw, "section " + section);
        }
        Matcher division = DIVISION.matcher(text);
        if (division.matches()) {
            return resolveDivision(raw, division.group(1), division.group(2));
        }
        String code = byLabel.get(VietnameseText.key(text));
        if (code != null) {
            return Outcome.ok(code);
        }
        return Outcome.rejected(Rules.INDUSTRY_UNKNOWN, "industry '" + raw + "' is not TOTAL, a section B–E, a VSIC 2018"
                + " division or a known label" + suggestion(VietnameseText.key(text))
                + "; use the code (e.g. C24) or add the wording to industry_synonyms.csv");
    }

    private Outcome<String> resolveDivision(String raw, String letter, String digits) {
        String number = digits.length() == 1 ? "0" + digits : digits;
        Industry match = industries.values().stream()
                .filter(i -> "division".equals(i.level()) && i.code().endsWith(number))
                .findFirst().orElse(null);
        if (match == null) {
            int value = Integer.parseInt(number);
            if (value < 5 || value > 39) {
                return outOfScope(raw, "division " + number);
            }
            return Outcome.rejected(Rules.INDUSTRY_UNKNOWN, "industry '" + raw + "': division " + number
                    + " does not exist in VSIC 2018 sections B–E (there is no division 34)");
        }
        if (letter != null && !letter.equalsIgnoreCase(match.sectionCode())) {
            return Outcome.rejected(Rules.INDUSTRY_UNKNOWN, "industry '" + raw + "': division " + number
                    + " belongs to section " + match.sectionCode() + ", not " + letter.toUpperCase(java.util.Locale.ROOT)
                    + "; write " + match.code());
        }
        return Outcome.ok(match.code());
    }

    private Outcome<String> outOfScope(String raw, String what) {
        return Outcome.rejected(Rules.INDUSTRY_OUT_OF_SCOPE, "industry '" + raw + "': " + what + " is outside the IIP"
                + " scope (VSIC sections B–E, divisions 05–39); such rows do not belong in an IIP extract");
    }

    private String suggestion(String key) {
        return byLabel.keySet().stream()
                .filter(k -> VietnameseText.distance(k, key) <= Math.max(2, key.length() / 5))
                .min(Comparator.comparingInt(k -> VietnameseText.distance(k, key)))
                .map(k -> "; did you mean " + byLabel.get(k) + " (" + industries.get(byLabel.get(k)).nameVi() + ")?")
                .orElse("");
    }
}
