package vn.iip.mart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.iip.catalog.ColumnSpec;

class MartDdlTest {
    private static final MartTable RELEASES = new MartTable("dim_release", "Releases / Đợt công bố",
            List.of(ColumnSpec.of("release_id", "STRING", "publisher@release_date", "Mã đợt công bố"),
                    ColumnSpec.of("release_date", "DATE", "Publisher's day", "Ngày công bố")),
            List.of("release_id"), List.of(List.of("release_date")), "iip_gold.dim_release", "iip_gold.dim_release");

    @Test
    void tablesHaveTheirKeyIndexesAndQuotedBilingualComments() {
        assertEquals("CREATE TABLE s.dim_release (\n  release_id text,\n  release_date date,\n"
                + "  PRIMARY KEY (release_id)\n)", MartDdl.createTable("s", RELEASES));
        assertEquals(List.of("CREATE INDEX dim_release_by_release_date ON s.dim_release (release_date)"),
                MartDdl.indexes("s", RELEASES));
        assertEquals(List.of("COMMENT ON TABLE s.dim_release IS 'Releases / Đợt công bố'",
                "COMMENT ON COLUMN s.dim_release.release_id IS 'publisher@release_date / Mã đợt công bố'",
                "COMMENT ON COLUMN s.dim_release.release_date IS 'Publisher''s day / Ngày công bố'"),
                MartDdl.comments("s", RELEASES));
    }

    @ParameterizedTest
    @CsvSource({"STRING, text", "INT, integer", "BIGINT, bigint", "DOUBLE, double precision", "BOOLEAN, boolean",
            "DATE, date", "TIMESTAMP, timestamptz"})
    void sparkTypesMapToPostgresTypes(String spark, String postgres) {
        assertEquals(postgres, MartDdl.postgresType(spark));
    }

    @Test
    void anUnmappedTypeNamesTheFix() {
        assertEquals("No PostgreSQL type for Spark type MAP<STRING,STRING>; add it to MartDdl.postgresType",
                assertThrows(IllegalArgumentException.class, () -> MartDdl.postgresType("MAP<STRING,STRING>"))
                        .getMessage());
    }

    @Test
    void everyMartTableKeysAndIndexesOnlyItsOwnColumns() {
        for (MartTable table : MartTables.ALL) {
            // quality_check alone has no key: what a check checked may be null.
            assertEquals(table.name().equals("quality_check"), table.primaryKey().isEmpty(), table.name());
            assertEquals(List.of(), table.primaryKey().stream().filter(c -> !table.columnNames().contains(c)).toList(),
                    table.name());
            table.indexes().forEach(index -> assertEquals(List.of(), index.stream()
                    .filter(c -> !table.columnNames().contains(c)).toList(), table.name()));
        }
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndNeverIntoText() {
        MartTarget target = MartTarget.of("jdbc:postgresql://127.0.0.1:5432/iip", "bi", "MART_PASSWORD",
                Map.of("MART_PASSWORD", "s3cret-value")::get);
        assertEquals("s3cret-value", target.properties().getProperty("password"));
        assertEquals("MartTarget[jdbc:postgresql://127.0.0.1:5432/iip, user bi, password from the environment]",
                target.toString());
        assertEquals("--password-env names the environment variable NOT_SET, which is not set; export it before"
                + " publishing (the password never goes on the command line)", assertThrows(
                IllegalArgumentException.class, () -> MartTarget.of("jdbc:postgresql://h/iip", "bi", "NOT_SET",
                        name -> null)).getMessage());
        assertEquals("The BI mart needs PostgreSQL: --jdbc-url must start with jdbc:postgresql: (got"
                + " 'jdbc:mysql://h/iip'), e.g. jdbc:postgresql://127.0.0.1:5432/iip", assertThrows(
                IllegalArgumentException.class, () -> MartTarget.of("jdbc:mysql://h/iip", "bi", "", name -> null))
                .getMessage());
    }
}
