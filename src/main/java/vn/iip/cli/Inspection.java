package vn.iip.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import vn.iip.conform.ConformedRow;
import vn.iip.conform.Observation;
import vn.iip.conform.RowConformer;
import vn.iip.ingest.ExtractReaders;
import vn.iip.ingest.ParsedExtract;
import vn.iip.ingest.RawRecord;
import vn.iip.reference.ReferenceData;

/**
 * {@code iip inspect FILE}: what the readers and conform make of one office file, without Spark or a warehouse —
 * format, encoding, how each row maps to an observation or why it would be quarantined. How an analyst debugs a new
 * file before loading it.
 */
final class Inspection {
    private Inspection() {}

    static void print(String path, byte[] content, int rowsShown, PrintStream out) {
        ParsedExtract parsed = ExtractReaders.read(path, content);
        out.println("file      " + path + " (" + content.length + " bytes, sha256 " + parsed.sha256().substring(0, 16) + "…)");
        out.println("format    " + parsed.format() + ", encoding " + parsed.encoding()
                + (parsed.delimiter() == null ? "" : ", delimiter '" + printable(parsed.delimiter()) + "'"));
        if (parsed.fileRuleId() != null) {
            out.println("problem   " + parsed.fileRuleId() + ": " + parsed.fileMessage());
        }
        out.println("rows      " + parsed.rows().size() + " data row(s) or cell(s)");
        if (!parsed.rows().isEmpty()) {
            out.println("columns   " + String.join(", ", parsed.rows().get(0).fields().keySet()));
        }
        RowConformer conformer = new RowConformer(ReferenceData.get());
        String name = path.substring(path.lastIndexOf('/') + 1);
        Map<String, Integer> rules = new TreeMap<>();
        int accepted = 0;
        int shown = 0;
        for (RawRecord row : parsed.rows()) {
            ConformedRow result = row.ruleId() != null
                    ? ConformedRow.rejected(row.ruleId(), null, null, name + " row " + row.rowNumber() + ": " + row.reason())
                    : conformer.conform(row.fields(), name, row.rowNumber());
            boolean ok = result.isAccepted();
            if (ok) {
                accepted++;
            } else {
                rules.merge(result.ruleId(), 1, Integer::sum);
            }
            if (shown < rowsShown || !ok) {
                shown++;
                out.println();
                out.println("row " + row.rowNumber() + "   " + row.rawText());
                out.println("   -> " + (ok ? describe(result.observation()) : "quarantine " + result.ruleId() + ": "
                        + result.reason()));
            }
        }
        out.println();
        out.println("summary   " + accepted + " observation(s), " + (parsed.rows().size() - accepted)
                + " quarantined" + (rules.isEmpty() ? "" : " " + rules));
    }

    private static String describe(Observation o) {
        return String.format("%s %s (%s) %s %s %s %s = %s%s  [release %s, status %s]", o.period().label(),
                o.geoCode(), o.geoVersion(), o.industryCode(), o.comparison() + (o.comparisonInferred() ? " (inferred)"
                        : ""), o.measure(), o.unit(), o.valuePct() == null ? "not available" : o.valuePct() + " %",
                o.indexValue() == null ? "" : " (index " + o.indexValue() + ")", o.releaseId(), o.status());
    }

    private static String printable(String delimiter) {
        return "\t".equals(delimiter) ? "\\t" : delimiter;
    }
}
