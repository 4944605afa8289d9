package vn.iip.ingest.corpus;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import vn.iip.conform.Rules;

/**
 * Derives what a truncated or flipped long-format CSV (same-release/gso-2021-11.csv) must give, from the damage
 * alone: the records of the damaged text are matched to the original's; a record that is word for word an original
 * one gives that one's figure; a cut or mis-quoted record is quarantined by its shape; a record with the right shape
 * but changed fields gets the rule of the first changed field in the order conform checks them.
 */
final class LongCsvExpectations {
    private LongCsvExpectations() {}

    private static final List<String> REQUIRED = List.of("release_date", "publisher", "period", "geo", "industry",
            "comparison", "measure", "value", "unit");
    /** The order RowConformer checks the columns in: a row breaking two rules is quarantined by the first. */
    private static final List<String> CONFORM_ORDER = List.of("release_date", "publisher", "period", "geo", "industry",
            "comparison", "measure", "unit", "value", "status", "source");
    private static final Map<String, String> CLOSED_VOCABULARY = Map.of("geo", Rules.GEO_UNKNOWN, "industry",
            Rules.INDUSTRY_UNKNOWN, "comparison", Rules.COMPARISON_UNKNOWN, "measure", Rules.MEASURE_UNKNOWN, "unit",
            Rules.UNIT_UNKNOWN, "status", Rules.STATUS_UNKNOWN);
    /**
     * Damaged comparison labels that still say which comparison they are: the words that decide it are intact.
     * Any other damaged label is comparison_unknown: a reader must not guess.
     */
    private static final Map<String, String> STILL_READABLE = Map.of(
            "Vháng 11 năm 2021 so với tháng trước", "'so với tháng trước' (mom) is intact; only the word 'Tháng' in"
                    + " front of the month is hit, and no other comparison reads 'so với tháng trước'");

    static Expected of(byte[] content, Original original) {
        Texts.Decoded decoded = Texts.utf8(content);
        if (decoded.badByte() >= 0) {
            return Expected.rejected(Rules.FILE_UNDECODABLE, String.format("byte 0x%02X at offset %d is not UTF-8",
                    content[decoded.badByte()] & 0xFF, decoded.badByte()));
        }
        String before = Texts.utf8(original.bytes()).text();
        List<Texts.Record> was = Texts.records(before, ',');
        List<Texts.Record> now = Texts.records(decoded.text(), ',');
        String damage = content.length < original.bytes().length
                ? "cut at byte " + content.length + (decoded.cutCharacter() ? " inside a character" : "")
                + ", in row " + Texts.lineOf(before, decoded.text().length())
                : String.join("; ", Texts.changes(before, decoded.text(), ",\"\r\n /-", i -> "row "
                + Texts.lineOf(before, i)));
        if (now.isEmpty()) {
            return Expected.rejected(Rules.FILE_EMPTY, damage);
        }
        List<String> header = now.get(0).fields().stream().map(f -> f.replace("\uFEFF", "").trim()
                .toLowerCase(Locale.ROOT)).toList();
        if (!header.containsAll(REQUIRED) || now.get(0).openQuote()) {
            return Expected.rejected(Rules.FILE_HEADER_MISSING_COLUMN, damage + ": the header lacks "
                    + REQUIRED.stream().filter(c -> !header.contains(c)).toList());
        }
        if (!now.get(0).text().equals(was.get(0).text())) {
            throw new IllegalStateException("not derivable: the header changed but still names every column: "
                    + damage);
        }
        Map<String, Texts.Record> byText = new HashMap<>();
        was.subList(1, was.size()).forEach(r -> byText.put(r.text(), r));
        TreeSet<Integer> lost = new TreeSet<>();
        was.subList(1, was.size()).forEach(r -> lost.add(r.line()));
        Expected.Builder expected = Expected.read(original);
        List<String> notes = new ArrayList<>();
        for (Texts.Record record : now.subList(1, now.size())) {
            Texts.Record same = byText.get(record.text());
            if (record.blank() || same != null && lost.remove(same.line())) {
                continue;
            }
            String place = "row " + record.line();
            int count = record.fields().size();
            boolean extraBlank = count > header.size()
                    && record.fields().subList(header.size(), count).stream().allMatch(String::isBlank);
            if (record.openQuote()) {
                expected.quarantine(place, Rules.ROW_UNTERMINATED_QUOTE);
                notes.add(place + ": a quote opened and never closed");
                continue;
            }
            if (count != header.size() && !extraBlank) {
                expected.quarantine(place, Rules.ROW_FIELD_COUNT);
                notes.add(place + ": " + count + " fields, not " + header.size());
                continue;
            }
            Texts.Record counterpart = was.stream().filter(r -> r.line() == record.line()).findFirst()
                    .filter(r -> r.fields().size() == header.size() && lost.contains(r.line()))
                    .orElseThrow(() -> new IllegalStateException("not derivable: " + place + " has the right shape"
                            + " but no original row of its own: " + record.text()));
            String rule = changedFields(header, counterpart.fields(), record.fields(), notes, place);
            if (rule != null) {
                expected.quarantine(place, rule);
                continue;
            }
            lost.remove(counterpart.line());
            String published = value(header, counterpart.fields(), "value");
            String read = value(header, record.fields(), "value");
            if (!published.equals(read)) {
                // Another plausible number: nothing in a CSV can tell it from the published one.
                expected.changeValue("row " + counterpart.line(), published, read);
            }
        }
        lost.forEach(line -> expected.lose("row " + line));
        return expected.because(damage + (notes.isEmpty() ? "" : " ⇒ " + String.join("; ", notes)));
    }

    /** The rule of the first changed field that breaks one, or null when the figure is untouched. */
    private static String changedFields(List<String> header, List<String> was, List<String> now, List<String> notes,
                                        String place) {
        for (String column : CONFORM_ORDER) {
            int i = header.indexOf(column);
            String before = was.get(i);
            String after = now.get(i);
            if (before.equals(after)) {
                continue;
            }
            String rule = rule(column, before, after, value(header, now, "period"));
            notes.add(place + " " + column + " '" + Texts.visible(after) + "': " + (rule != null ? rule
                    : column.equals("value") ? "another valid number, accepted as published"
                    : STILL_READABLE.getOrDefault(after, "same meaning")));
            if (rule != null) {
                return rule;
            }
        }
        return null;
    }

    /** What a careful reader makes of one changed field: its rule, or null when it still means the same. */
    private static String rule(String column, String before, String after, String period) {
        switch (column) {
            case "source" -> {
                return null; // the citation: not part of the figure
            }
            case "release_date" -> {
                LocalDate date;
                try {
                    date = LocalDate.parse(after.trim());
                } catch (DateTimeParseException e) {
                    return Rules.RELEASE_DATE_INVALID;
                }
                if (date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
                    return Rules.RELEASE_DATE_INVALID;
                }
                if (period.matches("\\d{4}-\\d{2}") && date.isBefore(LocalDate.parse(period + "-01"))) {
                    return Rules.RELEASE_BEFORE_PERIOD;
                }
            }
            case "publisher" -> {
                if (after.isBlank()) {
                    return Rules.PUBLISHER_MISSING;
                }
            }
            case "period" -> {
                if (!after.trim().matches("\\d{4}-(0[1-9]|1[0-2])")) {
                    return Rules.PERIOD_INVALID;
                }
            }
            case "value" -> {
                String text = after.trim();
                if (text.matches("\\d+(,\\d+)?")) {
                    // Still a number: out of the index's domain, or a different figure no reader can detect.
                    double index = Double.parseDouble(text.replace(',', '.'));
                    return index < 20 || Math.abs(index - 100) >= 1000 ? Rules.VALUE_OUT_OF_DOMAIN : null;
                }
                if (!text.matches("[0-9.,+-]*")) {
                    return Rules.VALUE_INVALID;
                }
            }
            default -> {
                if (words(before).equals(words(after))) {
                    return null; // case, tone marks or punctuation only
                }
                if (column.equals("comparison") && STILL_READABLE.containsKey(after)) {
                    return null;
                }
                return CLOSED_VOCABULARY.get(column);
            }
        }
        throw new IllegalStateException("not derivable: " + column + " '" + before + "' became '" + after
                + "', which may still be valid; add the case to the expectations by hand");
    }

    private static String value(List<String> header, List<String> fields, String column) {
        return fields.get(header.indexOf(column)).trim();
    }

    /** Lower case, no tone marks, punctuation as spaces: how labels and codes are compared. */
    private static String words(String text) {
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD);
        return lower.replaceAll("\\p{M}+", "").replaceAll("[^a-z0-9]+", " ").trim();
    }
}
