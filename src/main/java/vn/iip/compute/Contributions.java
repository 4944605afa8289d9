package vn.iip.compute;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Step 10, contributions in percentage points of each section to TOTAL and each division to its section, for mom
 * and yoy, that add up to the parent's growth exactly. Weights {@code w_i = V(g,i)/Σ V(g,·)} over the parent's
 * children with V &gt; 0 in the base; every such child must have an index at the months used, else the parent's
 * month gets none. Within one linked range (base b): {@code C_i = 100·w_i·(I_i(t) − I_i(t−k)) / I(t−k)}. Across a
 * base change (t in the range of B, t−k in the previous base's): {@code C_i = 100·[w_i^new(I_i^new(t) −
 * Ī_i^new(B)) + F·w_i^old(Ī_i^old(B) − I_i^old(t−k))] / (F·I^old(t−k))}, {@code F = Ī^new(B)/Ī^old(B)}, unlinked.
 * Rows: geo_code, geo_kind, industry_code (the child), parent_code, period, last_month, comparison,
 * contribution_pp, weight_base_year.
 */
final class Contributions {
    private Contributions() {}

    private static final String[] PARENT_KEY = {"geo_code", "geo_kind", "parent_code", "month_index", "comparison"};

    static Dataset<Row> all(Dataset<Row> indices, Dataset<Row> valueAdded, Dataset<Row> means, Dataset<Row> linked,
                            Dataset<Row> segments) {
        Dataset<Row> weights = weights(valueAdded).localCheckpoint(true);
        Dataset<Row> candidates = candidates(linked, 1, "mom").unionByName(candidates(linked, 12, "yoy"))
                .join(segments.select(col("weight_base_year").as("base_t"), col("previous_base")), "base_t")
                .localCheckpoint(true);
        Dataset<Row> same = withinRange(candidates.filter(col("base_t").equalTo(col("base_earlier"))), weights, indices);
        Dataset<Row> across = acrossBaseChange(candidates.filter(col("base_t").notEqual(col("base_earlier"))
                .and(col("base_earlier").equalTo(col("previous_base")))), weights, indices, means);
        return same.unionByName(across)
                .select(col("geo_code"), col("geo_kind"), col("child_code").as("industry_code"), col("parent_code"),
                        Months.text(col("month_index")).as("period"), col("month_index").as("last_month"),
                        col("comparison"), col("contribution_pp"), col("base_t").as("weight_base_year"));
    }

    /** Parents (TOTAL, sections) defined at t and t−k in the linked series, with the bases of both ranges. */
    private static Dataset<Row> candidates(Dataset<Row> linked, int lag, String comparison) {
        Dataset<Row> parents = linked.filter(col("industry_code").equalTo(lit(Industries.TOTAL))
                .or(length(col("industry_code")).equalTo(1)));
        Dataset<Row> earlier = parents.select(col("geo_code"), col("geo_kind"), col("industry_code"),
                col("month_index").plus(lag).as("month_index"), col("weight_base_year").as("base_earlier"));
        return parents.join(earlier, new String[] {"geo_code", "geo_kind", "industry_code", "month_index"})
                .select(col("geo_code"), col("geo_kind"), col("industry_code").as("parent_code"), col("month_index"),
                        lit(lag).as("lag"), lit(comparison).as("comparison"), col("weight_base_year").as("base_t"),
                        col("base_earlier"));
    }

    /** w per (geography, base, parent, child) over the children with V &gt; 0, and how many such children. */
    private static Dataset<Row> weights(Dataset<Row> valueAdded) {
        var siblings = Window.partitionBy("geo_code", "geo_kind", "weight_base_year", "parent_code");
        return valueAdded.filter(col("value_added").gt(0).and(col("parent_code").equalTo(lit(Industries.TOTAL))
                        .or(length(col("parent_code")).equalTo(1))))
                .select(col("geo_code"), col("geo_kind"), col("weight_base_year"), col("parent_code"),
                        col("industry_code").as("child_code"),
                        col("value_added").divide(sum("value_added").over(siblings)).as("weight"),
                        count(lit(1)).over(siblings).as("children"));
    }

    private static Dataset<Row> index(Dataset<Row> indices, String code, String base, String month, String as) {
        return indices.select(col("geo_code"), col("geo_kind"), col("industry_code").as(code),
                col("weight_base_year").as(base), col("month_index").as(month), col("index_value").as(as));
    }

    private static Dataset<Row> withinRange(Dataset<Row> candidates, Dataset<Row> weights, Dataset<Row> indices) {
        Dataset<Row> rows = candidates
                .join(weights.withColumnRenamed("weight_base_year", "base_t"), new String[] {"geo_code", "geo_kind",
                        "parent_code", "base_t"})
                .withColumn("earlier_month", col("month_index").minus(col("lag")))
                .join(index(indices, "child_code", "base_t", "month_index", "child_now"),
                        new String[] {"geo_code", "geo_kind", "child_code", "base_t", "month_index"})
                .join(index(indices, "child_code", "base_t", "earlier_month", "child_earlier"),
                        new String[] {"geo_code", "geo_kind", "child_code", "base_t", "earlier_month"})
                .join(index(indices, "parent_code", "base_t", "earlier_month", "parent_earlier"),
                        new String[] {"geo_code", "geo_kind", "parent_code", "base_t", "earlier_month"})
                .withColumn("contribution_pp", lit(100.0).multiply(col("weight"))
                        .multiply(col("child_now").minus(col("child_earlier"))).divide(col("parent_earlier")));
        var parent = Window.partitionBy(ChainLinking.columns(PARENT_KEY));
        return rows.withColumn("present", count(lit(1)).over(parent)).filter(col("present").equalTo(col("children")))
                .select("geo_code", "geo_kind", "parent_code", "child_code", "month_index", "comparison",
                        "contribution_pp", "base_t");
    }

    private static Dataset<Row> acrossBaseChange(Dataset<Row> candidates, Dataset<Row> weights, Dataset<Row> indices,
                                                 Dataset<Row> means) {
        String[] childKey = {"geo_code", "geo_kind", "parent_code", "child_code"};
        Dataset<Row> newWeights = candidates.join(weights.withColumnRenamed("weight_base_year", "base_t")
                .withColumnRenamed("weight", "weight_new").drop("children"), new String[] {"geo_code", "geo_kind",
                "parent_code", "base_t"});
        Dataset<Row> oldWeights = candidates.join(weights.withColumnRenamed("weight_base_year", "base_earlier")
                .withColumnRenamed("weight", "weight_old").drop("children"), new String[] {"geo_code", "geo_kind",
                "parent_code", "base_earlier"});
        String[] rowKey = {"geo_code", "geo_kind", "parent_code", "month_index", "lag", "comparison", "base_t",
                "base_earlier", "previous_base", "child_code"};
        Dataset<Row> children = newWeights.join(oldWeights, rowKey, "full_outer")
                .withColumn("weight_new", coalesce(col("weight_new"), lit(0.0)))
                .withColumn("weight_old", coalesce(col("weight_old"), lit(0.0)))
                .withColumn("earlier_month", col("month_index").minus(col("lag")))
                .withColumn("overlap_year", col("base_t"));
        Dataset<Row> rows = children
                .join(index(indices, "child_code", "base_t", "month_index", "child_now"),
                        new String[] {"geo_code", "geo_kind", "child_code", "base_t", "month_index"}, "left")
                .join(index(indices, "child_code", "base_earlier", "earlier_month", "child_earlier"),
                        new String[] {"geo_code", "geo_kind", "child_code", "base_earlier", "earlier_month"}, "left")
                .join(mean(means, "child_code", "base_t", "child_mean_new"),
                        new String[] {"geo_code", "geo_kind", "child_code", "base_t", "overlap_year"}, "left")
                .join(mean(means, "child_code", "base_earlier", "child_mean_old"),
                        new String[] {"geo_code", "geo_kind", "child_code", "base_earlier", "overlap_year"}, "left")
                .join(mean(means, "parent_code", "base_t", "parent_mean_new"),
                        new String[] {"geo_code", "geo_kind", "parent_code", "base_t", "overlap_year"}, "left")
                .join(mean(means, "parent_code", "base_earlier", "parent_mean_old"),
                        new String[] {"geo_code", "geo_kind", "parent_code", "base_earlier", "overlap_year"}, "left")
                .join(index(indices, "parent_code", "base_earlier", "earlier_month", "parent_earlier"),
                        new String[] {"geo_code", "geo_kind", "parent_code", "base_earlier", "earlier_month"}, "left");
        Column newDefined = col("weight_new").equalTo(0)
                .or(col("child_now").isNotNull().and(col("child_mean_new").isNotNull()));
        Column oldDefined = col("weight_old").equalTo(0)
                .or(col("child_mean_old").isNotNull().and(col("child_earlier").isNotNull()));
        Column parentDefined = col("parent_mean_new").isNotNull().and(col("parent_mean_old").isNotNull())
                .and(col("parent_earlier").isNotNull());
        Column factor = col("parent_mean_new").divide(col("parent_mean_old"));
        Column newTerm = when(col("weight_new").equalTo(0), lit(0.0))
                .otherwise(col("weight_new").multiply(col("child_now").minus(col("child_mean_new"))));
        Column oldTerm = when(col("weight_old").equalTo(0), lit(0.0))
                .otherwise(factor.multiply(col("weight_old")).multiply(col("child_mean_old").minus(col("child_earlier"))));
        var parent = Window.partitionBy(ChainLinking.columns(PARENT_KEY));
        return rows.withColumn("defined", when(newDefined.and(oldDefined).and(parentDefined), lit(1)).otherwise(lit(0)))
                .withColumn("contribution_pp", lit(100.0).multiply(newTerm.plus(oldTerm))
                        .divide(factor.multiply(col("parent_earlier"))))
                .withColumn("all_defined", min("defined").over(parent)).filter(col("all_defined").equalTo(1))
                .select("geo_code", "geo_kind", "parent_code", "child_code", "month_index", "comparison",
                        "contribution_pp", "base_t");
    }

    private static Dataset<Row> mean(Dataset<Row> means, String code, String base, String as) {
        return means.select(col("geo_code"), col("geo_kind"), col("industry_code").as(code),
                col("weight_base_year").as(base), col("year").as("overlap_year"), col("mean_index").as(as));
    }
}
