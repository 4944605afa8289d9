package vn.iip.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.iip.conform.ConformedRow;
import vn.iip.conform.Observation;
import vn.iip.conform.RowConformer;
import vn.iip.ingest.ExtractReaders;
import vn.iip.ingest.LandingFiles;
import vn.iip.ingest.ParsedExtract;
import vn.iip.ingest.RawRecord;
import vn.iip.ingest.ReleaseMetadata;
import vn.iip.ingest.workbook.WorkbookReader;
import vn.iip.reference.ReferenceData;

/**
 * {@code iip inspect FILE}: what the readers and conform make of one office file, without Spark or a warehouse —
 * format and encoding, the tables found, how each header maps to a period and comparison, how each row label maps
 * to a province, industry or product, the first rows, and every problem. How an analyst debugs a new file.
 */
final class Inspection {
    private Inspection() {}

    /** The sidecar next to the file, as the pipeline would pair them; null when there is none. */
    static byte[] sidecar(String file, org.apache.hadoop.conf.Configuration hadoop) {
        return LandingFiles.readIfExists(file + ReleaseMetadata.SIDECAR_SUFFIX, hadoop);
    }

    static void print(String path, byte[] content, byte[] sidecar, int rowsShown, PrintStream out) {
        ParsedExtract parsed = ExtractReaders.read(path, content, sidecar);
        out.println("file      " + path + " (" + content.length + " bytes, sha256 " + parsed.sha256().substring(0, 16) + "…)");
        if (sidecar != null) {
            out.println("sidecar   " + path + ReleaseMetadata.SIDECAR_SUFFIX + " (its values override the file's)");
        }
        out.println("format    " + parsed.format() + ", encoding " + parsed.encoding()
                + (parsed.delimiter() == null ? "" : ", delimiter '" + printable(parsed.delimiter()) + "'"));
        if (parsed.format().equals(WorkbookReader.FORMAT)) {
            WorkbookReader.describe(content).forEach(line -> out.println("table     " + line));
        }
        if (parsed.readerNotes() != null) {
            for (String note : parsed.readerNotes().split("; ")) {
                out.println("skipped   " + note);
            }
        }
        if (parsed.fileRuleId() != null) {
            out.println("problem   " + parsed.fileRuleId() + ": " + parsed.fileMessage());
        }
        out.println("rows      " + parsed.rows().size() + " data row(s) or cell(s)");
        RowConformer conformer = new RowConformer(ReferenceData.get());
        String name = ExtractReaders.fileName(path);
        Map<String, Integer> rules = new TreeMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> shown = new java.util.ArrayList<>();
        int accepted = 0;
        for (RawRecord row : parsed.rows()) {
            ConformedRow result = row.ruleId() != null
                    ? ConformedRow.rejected(row.ruleId(), null, null, name + " " + row.place() + ": " + row.reason())
                    : conformer.conform(row.fields(), name, row.place());
            explain(row.fields(), result, headers, labels);
            if (result.isAccepted()) {
                accepted++;
            } else {
                rules.merge(result.ruleId(), 1, Integer::sum);
            }
            if (shown.size() < 2 * rowsShown || !result.isAccepted()) {
                shown.add(row.place() + "   " + row.rawText());
                shown.add("   -> " + (result.isAccepted() ? describe(result.observation())
                        : "quarantine " + result.ruleId() + ": " + result.reason()));
            }
        }
        headers.forEach((header, meaning) -> out.println("header    " + header + "  =>  " + meaning));
        labels.forEach((label, meaning) -> out.println("label     " + label + "  =>  " + meaning));
        for (int i = 0; i < shown.size(); i++) {
            if (i % 2 == 0) {
                out.println();
            }
            out.println(shown.get(i));
        }
        out.println();
        out.println("summary   " + accepted + " observation(s), " + (parsed.rows().size() - accepted)
                + " quarantined" + (rules.isEmpty() ? "" : " " + rules));
    }

    /** Records, once each, what a period/comparison header and a row label became (or the rule they broke). */
    private static void explain(Map<String, String> fields, ConformedRow result, Map<String, String> headers,
                                Map<String, String> labels) {
        Observation o = result.observation();
        String header = "period '" + fields.getOrDefault("period", "") + "', comparison '"
                + fields.getOrDefault("comparison", "") + "'";
        if (o != null) {
            headers.putIfAbsent(header, o.period().label() + " (" + o.period().type() + "), " + o.comparison()
                    + (o.comparisonInferred() ? " (inferred)" : ""));
        } else if ("period".equals(result.column()) || "comparison".equals(result.column())) {
            headers.putIfAbsent(header, result.ruleId());
        }
        for (String column : List.of("geo", "industry", "product")) {
            String label = fields.get(column);
            if (label == null || label.isBlank()) {
                continue;
            }
            String key = column + " '" + label + "'";
            if (o != null) {
                labels.putIfAbsent(key, switch (column) {
                    case "geo" -> o.geoCode() + " (" + o.geoVersion() + ")";
                    case "industry" -> String.valueOf(o.industryCode());
                    default -> "product '" + o.product() + "'" + (o.quantityUnit() == null || o.quantityUnit().isEmpty()
                            ? "" : " in " + o.quantityUnit());
                });
            } else if (column.equals(result.column())) {
                labels.put(key, result.ruleId() + ": " + result.reason());
            }
        }
    }

    private static String describe(Observation o) {
        String what = o.product() != null ? "product '" + o.product() + "' " + o.comparison() + " " + o.measure()
                : o.industryCode() + " " + o.comparison() + (o.comparisonInferred() ? " (inferred)" : "") + " "
                + o.measure();
        String value = o.quantity() != null ? o.quantity() + " " + o.quantityUnit()
                : o.valuePct() == null ? "not available" : o.valuePct() + " %"
                + (o.indexValue() == null ? "" : " (index " + o.indexValue() + ")");
        return String.format("%s %s (%s) %s = %s  [release %s, status %s]", o.period().label(), o.geoCode(),
                o.geoVersion(), what, value, o.releaseId(), o.status());
    }

    private static String printable(String delimiter) {
        return "\t".equals(delimiter) ? "\\t" : delimiter;
    }
}
