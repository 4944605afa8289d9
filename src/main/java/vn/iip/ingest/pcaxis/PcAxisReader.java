package vn.iip.ingest.pcaxis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iip.conform.Rules;
import vn.iip.conform.VietnameseText;
import vn.iip.ingest.ParsedExtract;
import vn.iip.ingest.RawRecord;
import vn.iip.ingest.Sha256;

/**
 * Turns a PC-Axis cube (e.g. NSO's V07.01 IIP by industry, V07.02 by province, previous year = 100) into rows of
 * the long format, one per DATA cell, so conform treats them like any extract. The place of a cell is its variable
 * values ("Năm=Sơ bộ 2024; Địa phương=Hà Nội"); its row number is its position in DATA.
 */
public final class PcAxisReader {
    private PcAxisReader() {}

    public static final String FORMAT = "pc_axis";
    private static final String NO_RELEASE_DATE = "no release date";
    private static final Pattern STATUS_PREFIX = Pattern.compile("^(sơ bộ|ước tính|chính thức|so bo|uoc tinh)\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UPDATED = Pattern.compile("(\\d{4})(\\d{2})(\\d{2}).*");

    public static ParsedExtract read(String path, byte[] content) {
        return read(path, content, Map.of());
    }

    /** @param sidecar release metadata that overrides the file's (release_date, publisher, source, comparison…) */
    public static ParsedExtract read(String path, byte[] content, Map<String, String> sidecar) {
        String sha256 = Sha256.hex(content);
        PxDocument px;
        try {
            px = PxParser.parse(content);
        } catch (PxParser.PxFormatException e) {
            return rejected(path, content, sha256, null, e.getMessage(), e.rule());
        }
        Cube cube;
        try {
            cube = Cube.of(px, sidecar);
        } catch (PxParser.PxFormatException e) {
            return rejected(path, content, sha256, px.encoding(), e.getMessage(), e.rule());
        }
        List<RawRecord> rows = new ArrayList<>();
        for (int cell = 0; cell < px.cells().size(); cell++) {
            rows.add(cube.row(cell, px.cells().get(cell)));
        }
        // File-level notes (definitions, breaks in series) are kept with the file; cell notes go with their cell.
        List<String> notes = new ArrayList<>();
        for (String keyword : List.of("NOTE", "NOTEX")) {
            for (String note : px.get(keyword)) {
                notes.add(keyword + ": " + note);
            }
        }
        return new ParsedExtract(path, content.length, sha256, FORMAT, px.encoding(), null, null, null, rows,
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static ParsedExtract rejected(String path, byte[] content, String sha256, String encoding, String why,
                                          String broken) {
        String rule = why.startsWith(NO_RELEASE_DATE) ? Rules.FILE_RELEASE_DATE_MISSING : broken;
        return new ParsedExtract(path, content.length, sha256, FORMAT, encoding, null, rule,
                "the PC-Axis file cannot be read: " + why, List.of());
    }

    /** The roles of the cube's variables and the file-level fields every cell shares. */
    private record Cube(PxDocument px, List<String> variables, int[] sizes, Map<String, String> roles,
                        Map<String, String> shared) {

        static Cube of(PxDocument px, Map<String, String> sidecar) throws PxParser.PxFormatException {
            List<String> variables = px.variables();
            int[] sizes = new int[variables.size()];
            long expected = 1;
            Map<String, String> roles = new LinkedHashMap<>();
            for (int v = 0; v < variables.size(); v++) {
                String variable = variables.get(v);
                sizes[v] = px.values(variable).size();
                if (sizes[v] == 0) {
                    throw new PxParser.PxFormatException("variable \"" + variable + "\" has no VALUES");
                }
                expected *= sizes[v];
                String role = role(px, variable);
                if (role == null) {
                    throw new PxParser.PxFormatException("variable \"" + variable + "\" (" + sizes[v] + " values) is"
                            + " neither time, geography, industry nor comparison, so its cells cannot become IIP figures");
                }
                roles.put(variable, role);
            }
            if (px.coordinates().isEmpty() && expected != px.cells().size()) {
                throw new PxParser.PxFormatException("DATA holds " + px.cells().size() + " cells but the variables"
                        + " make " + expected + " (" + String.join(" × ", variables) + "); the file is truncated or"
                        + " its VALUES do not match DATA");
            }
            Map<String, String> shared = new LinkedHashMap<>();
            String updated = px.first("LAST-UPDATED") != null ? px.first("LAST-UPDATED") : px.first("CREATION-DATE");
            Matcher date = updated == null ? null : UPDATED.matcher(updated.trim());
            if (sidecar.containsKey("release_date")) {
                date = UPDATED.matcher(sidecar.get("release_date").replace("-", ""));
            }
            if (date == null || !date.matches()) {
                throw new PxParser.PxFormatException(NO_RELEASE_DATE + ": neither LAST-UPDATED nor CREATION-DATE"
                        + " gives one (CCYYMMDD hh:mm) and there is no sidecar FILE.release.properties with"
                        + " release_date; a figure is never stored without the day it was published");
            }
            shared.put("release_date", date.group(1) + "-" + date.group(2) + "-" + date.group(3));
            String source = px.first("SOURCE");
            shared.put("publisher", source == null ? "" : source);
            shared.put("source", (px.first("MATRIX") == null ? "" : px.first("MATRIX") + " ")
                    + (px.first("TITLE") == null ? "" : px.first("TITLE")));
            String basis = VietnameseText.words(String.join(" ", px.get("CONTENTS")) + " " + String.join(" ",
                    px.get("UNITS")) + " " + String.join(" ", px.get("TITLE")) + " " + String.join(" ",
                    px.get("DESCRIPTION")) + " " + String.join(" ", px.get("NOTE")));
            shared.put("measure", "iip");
            shared.put("unit", unit(basis));
            shared.put("comparison", comparison(basis));
            shared.put("geo", "VN");
            shared.put("industry", "TOTAL");
            shared.putAll(sidecar);
            return new Cube(px, variables, sizes, roles, shared);
        }

        RawRecord row(int cell, String value) {
            Map<String, String> fields = new LinkedHashMap<>(shared);
            StringBuilder place = new StringBuilder();
            int remainder = cell;
            String[] picked = new String[variables.size()];
            int[] index = new int[variables.size()];
            for (int v = variables.size() - 1; v >= 0; v--) {
                index[v] = remainder % sizes[v];
                picked[v] = px.values(variables.get(v)).get(index[v]);
                remainder /= sizes[v];
            }
            if (!px.coordinates().isEmpty()) {
                for (int v = 0; v < variables.size(); v++) {
                    picked[v] = px.coordinates().get(cell).get(v);
                    index[v] = px.values(variables.get(v)).indexOf(picked[v]);
                }
            }
            for (int v = 0; v < variables.size(); v++) {
                String variable = variables.get(v);
                place.append(v == 0 ? "" : "; ").append(variable).append('=').append(picked[v]);
                String role = roles.get(variable);
                if (role.equals("period")) {
                    List<String> codes = px.codes(variable);
                    // TIMEVAL codes (2021, 2021M11, 2021Q4) are cleaner than display texts ("Sơ bộ 2024").
                    Matcher status = STATUS_PREFIX.matcher(picked[v].trim());
                    if (codes.size() == sizes[v] && codes.get(index[v]).matches("\\d{4}([MQ]\\d{1,2})?")) {
                        fields.put("period", codes.get(index[v]));
                        if (status.matches()) {
                            fields.put("status", status.group(1));
                        }
                        continue;
                    }
                    if (status.matches()) {
                        fields.put("status", status.group(1));
                        fields.put("period", status.group(2));
                    } else {
                        fields.put("period", picked[v]);
                    }
                } else if (!role.equals("ignored")) {
                    fields.put(role, picked[v]);
                }
            }
            fields.put("value", withDecimals(cellValue(value), px.first("DECIMALS")));
            String note = cellNote(picked);
            if (note != null) {
                fields.put("note", note);
            }
            return new RawRecord(cell + 1, place.toString(), place + ": " + value, fields, null, null);
        }

        /** CELLNOTE("v1","v2",…) in STUB+HEADING order; "*" matches any value. Kept with the row. */
        private String cellNote(String[] picked) {
            for (Map.Entry<String, List<String>> entry : px.keywords().entrySet()) {
                if (!entry.getKey().startsWith("CELLNOTE|")) {
                    continue;
                }
                String[] pattern = entry.getKey().substring("CELLNOTE|".length()).split("\\|", -1);
                boolean matches = pattern.length == picked.length;
                for (int v = 0; matches && v < picked.length; v++) {
                    matches = pattern[v].equals("*") || pattern[v].equals(picked[v]);
                }
                if (matches) {
                    return String.join(" ", entry.getValue());
                }
            }
            return null;
        }

        /** DECIMALS is the precision the cube stores: "108" in a DECIMALS=1 cube was published as 108,0. */
        private static String withDecimals(String value, String decimals) {
            if (decimals == null || !decimals.trim().matches("[0-6]") || !value.matches("-?\\d+(,\\d*)?")) {
                return value;
            }
            int wanted = Integer.parseInt(decimals.trim());
            int comma = value.indexOf(',');
            int have = comma < 0 ? 0 : value.length() - comma - 1;
            if (have >= wanted) {
                return value;
            }
            return (comma < 0 ? value + "," : value) + "0".repeat(wanted - have);
        }

        /** PX numbers use a decimal point and no grouping; "-" is an exact zero; runs of dots are missing. */
        private static String cellValue(String cell) {
            if (cell.matches("\\.{1,6}")) {
                return "..";
            }
            if (cell.equals("-")) {
                return "0";
            }
            return cell.replace('.', ',');
        }

        /**
         * Growth rates only when the cube says so ("tốc độ tăng", "growth rate"); otherwise an index: "Năm trước =
         * 100", and also UNITS="%" on a "Chỉ số …" cube, which GSO uses for indices exactly as its tables headed
         * "Đơn vị tính: %" do.
         */
        private static String unit(String basis) {
            boolean growth = basis.contains("toc do tang") || basis.contains("growth rate")
                    || basis.contains("tang giam");
            return growth && !basis.contains("100") ? "pct" : "index";
        }

        private static String comparison(String basis) {
            if (basis.contains("thang truoc")) {
                return "mom";
            }
            if (basis.contains("cung ky")) {
                return "yoy";
            }
            return "annual_yoy";
        }

        private static String role(PxDocument px, String variable) {
            String words = VietnameseText.words(variable);
            if (px.keywords().containsKey("TIMEVAL|" + variable) || words.matches(
                    "(nam|thang|quy|ky|thoi gian|year|month|quarter|period|time)( .*)?")) {
                return "period";
            }
            if (words.contains("dia phuong") || words.contains("tinh") || words.contains("dia ban")
                    || words.contains("province") || words.contains("region")) {
                return "geo";
            }
            if (words.contains("nganh") || words.contains("industry")) {
                return "industry";
            }
            boolean comparesValues = px.values(variable).stream()
                    .anyMatch(v -> VietnameseText.words(v).contains("so voi"));
            if (comparesValues || (words.contains("so sanh") || words.contains("comparison"))
                    && px.values(variable).size() > 1) {
                return "comparison"; // one cube holding several comparisons: "So với tháng trước", "So với cùng kỳ"
            }
            return px.values(variable).size() == 1 ? "ignored" : null;
        }
    }
}
