package vn.iip.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iip.testing.ChildJvm;
import vn.iip.testing.WarehouseByPath;

/**
 * A synonym added after the rows were loaded reaches them only by {@code run --reprocess}: the rows it resolves
 * leave quarantine for silver and gold, a row that breaks another rule stays, the run log counts the moves, and
 * reprocessing again with the same rules moves nothing and leaves every row as it was.
 */
class ReprocessEndToEndTest {
    private static final String HEADER = "release_date,publisher,period,geo,industry,comparison,measure,value,unit,"
            + "status,source";

    @Test
    void aSynonymAddedLaterMovesItsRowsOutOfQuarantine() throws Exception {
        Path folder = Files.createTempDirectory("iip-reprocess");
        Path landing = Files.createDirectories(folder.resolve("landing"));
        // "Xứ Thanh" (Thanh Hóa's old name) is in no bundled list: three rows are quarantined as geo_unknown.
        Files.writeString(landing.resolve("2021-12-29_thanh-hoa-nov-2021.csv"), String.join("\n", HEADER,
                "2021-12-29,Cục Thống kê Thanh Hóa,2021-11,Xứ Thanh,TOTAL,yoy,iip,\"12,4\",pct,,test",
                "2021-12-29,Cục Thống kê Thanh Hóa,2021-11,Xứ Thanh,C,yoy,iip,\"13,1\",pct,,test",
                "2021-12-29,Cục Thống kê Thanh Hóa,2021-10,Xứ Thanh,TOTAL,yoy,iip,\"9,8\",pct,,test",
                "2021-12-29,Cục Thống kê Thanh Hóa,2021-11,Thanh Hóa,D,yoy,iip,\"4,0\",pct,,test",
                "2021-12-29,Cục Thống kê Thanh Hóa,2021-11,Thanh Hóa,E,yoy,iip,1.234,index,,test",
                "2021-12-29,Cục Thống kê Thanh Hóa,2021-11,VN,TOTAL,yoy,iip,\"5,5\",pct,,test") + "\n",
                StandardCharsets.UTF_8);
        Path additions = Files.createDirectories(folder.resolve("additions"));
        Files.writeString(additions.resolve("geography_synonyms.csv"), "alias,code_or_name\n# Thanh Hóa's old name\n"
                + "Xứ Thanh,Thanh Hóa\n", StandardCharsets.UTF_8);
        Path config = Files.writeString(folder.resolve("ops.properties"), "iip.reference-additions = " + additions
                + "\n");
        String warehouse = folder.resolve("warehouse").toString();

        ChildJvm.Result load = ChildJvm.main("run", "--input", landing.toString(), "--warehouse", warehouse,
                "--survey", "none");
        assertEquals(0, load.exitCode(), load.stderr());
        assertTrue(load.stdout().contains("6 row(s): 2 observation(s), 4 quarantined"), load.stdout());
        assertEquals(List.of("rule_id,count(1)", "geo_unknown,3", "value_ambiguous,1"), quarantineByRule(warehouse));

        ChildJvm.Result reprocess = ChildJvm.main("run", "--config", config.toString(), "--input", landing.toString(),
                "--warehouse", warehouse, "--survey", "none", "--reprocess");
        assertEquals(0, reprocess.exitCode(), reprocess.stderr());
        assertTrue(reprocess.stdout().contains("reference additions: 1 geography and 0 industry synonym(s) from "
                + additions), reprocess.stdout());
        assertTrue(reprocess.stdout().contains("reprocess 3 row(s) left quarantine, 0 entered it; 5 observation(s),"
                + " 1 quarantined now"), reprocess.stdout());
        assertEquals(List.of("rule_id,count(1)", "value_ambiguous,1"), quarantineByRule(warehouse));
        // The three rows are Thanh Hóa's (code 38) in silver and in gold, with their values.
        assertEquals(List.of("period,industry_code,value_pct", "2021-10,TOTAL,9.8", "2021-11,C,13.1",
                "2021-11,TOTAL,12.4"), WarehouseByPath.sql(warehouse, "SELECT period, industry_code, value_pct FROM"
                + " iip_gold_store.fact_iip_release WHERE geo_code = '38' AND industry_code <> 'D' ORDER BY period,"
                + " industry_code"));
        List<String> runs = WarehouseByPath.sql(warehouse, "SELECT mode, moved_from_quarantine, moved_to_quarantine,"
                + " total_rows, total_observations, total_quarantined, conservation_ok, outcome FROM"
                + " iip_silver.run_log ORDER BY started_at");
        assertEquals(List.of("mode,moved_from_quarantine,moved_to_quarantine,total_rows,total_observations,"
                + "total_quarantined,conservation_ok,outcome", "load,0,0,6,2,4,true,succeeded",
                "reprocess,3,0,6,5,1,true,succeeded"), runs);
        List<String> rowsAfterFirst = silverRows(warehouse);

        ChildJvm.Result again = ChildJvm.main("run", "--config", config.toString(), "--input", landing.toString(),
                "--warehouse", warehouse, "--survey", "none", "--reprocess");
        assertEquals(0, again.exitCode(), again.stderr());
        assertTrue(again.stdout().contains("reprocess 0 row(s) left quarantine, 0 entered it; 5 observation(s),"
                + " 1 quarantined now"), again.stdout());
        // Idempotent: the same rows, each with the run that first stored it.
        assertEquals(rowsAfterFirst, silverRows(warehouse));
        assertEquals(List.of("run,count(1)", "load,3", "reprocess,3"), WarehouseByPath.sql(warehouse,
                "SELECT CASE WHEN o.run_id = l.run_id THEN 'load' ELSE 'reprocess' END AS run, count(1) FROM"
                        + " (SELECT run_id FROM iip_silver.observation UNION ALL SELECT run_id FROM"
                        + " iip_silver.quarantine) o JOIN (SELECT min(run_id) AS run_id FROM iip_silver.run_log) l"
                        + " GROUP BY 1 ORDER BY 1"));
    }

    private static List<String> quarantineByRule(String warehouse) {
        return WarehouseByPath.sql(warehouse, "SELECT rule_id, count(1) FROM iip_silver.quarantine GROUP BY rule_id"
                + " ORDER BY rule_id");
    }

    private static List<String> silverRows(String warehouse) {
        return WarehouseByPath.sql(warehouse, "SELECT 'o', observation_id, row_number, value_pct, run_id, ingested_at"
                + " FROM iip_silver.observation UNION ALL SELECT 'q', rule_id, row_number, null, run_id, ingested_at"
                + " FROM iip_silver.quarantine ORDER BY 1, 3");
    }
}
