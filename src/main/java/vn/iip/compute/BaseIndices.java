package vn.iip.compute;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Steps 4, 6 and 7: the unlinked index of every geography and industry in each weight base.
 * <ul>
 *   <li>base quantity {@code q̄0(g,p,B) = Σ_{t ∈ year B} Q(g,p,t) / 12} (absent months count 0);</li>
 *   <li>class index {@code I(g,c,t) = 100 × Σ w_p·Q(g,p,t)/q̄0(g,p) / Σ w_p}, w_p the product's output value, over
 *       the products of c in base B's basket with Q defined and q̄0 &gt; 0;</li>
 *   <li>division, section and TOTAL: {@code Σ V(g,k)·I(g,k,t) / Σ V(g,k)} over the children k with an index and
 *       V(g,k) &gt; 0, V the base year's value added of k's classes in g's provinces.</li>
 * </ul>
 * Index rows: geo_code, geo_kind, industry_code, weight_base_year, month_index, index_value.
 */
final class BaseIndices {
    private BaseIndices() {}

    /**
     * @param quantities Q: geo_code, geo_kind, product_code, month_index, quantity
     * @param baskets weight_base_year, product_code, vsic4, output_value
     * @param segments {@link Segments#of}
     */
    static Dataset<Row> classIndices(Dataset<Row> quantities, Dataset<Row> baskets, Dataset<Row> segments) {
        Dataset<Row> basket = baskets.select(col("weight_base_year").cast("int").as("weight_base_year"),
                col("product_code"), col("vsic4"), col("output_value").cast("double").as("weight"));
        Dataset<Row> baseQuantities = quantities
                .join(broadcast(basket), "product_code")
                .filter(Months.year(col("month_index")).equalTo(col("weight_base_year")))
                .groupBy("geo_code", "geo_kind", "weight_base_year", "product_code")
                .agg(sum("quantity").divide(12).as("base_quantity"))
                .filter(col("base_quantity").gt(0));
        Dataset<Row> inSegment = quantities
                .join(broadcast(basket), "product_code")
                .join(broadcast(segments.select("weight_base_year", "compute_from", "compute_to")), "weight_base_year")
                .filter(col("month_index").between(col("compute_from"), col("compute_to")));
        return inSegment.join(baseQuantities, new String[] {"geo_code", "geo_kind", "weight_base_year", "product_code"})
                .groupBy(col("geo_code"), col("geo_kind"), col("weight_base_year"), col("vsic4"), col("month_index"))
                .agg(sum(col("weight").multiply(col("quantity")).divide(col("base_quantity"))).multiply(100)
                        .divide(sum("weight")).as("index_value"))
                .select(col("geo_code"), col("geo_kind"), Industries.classCode(col("vsic4")).as("industry_code"),
                        col("weight_base_year"), col("month_index"), col("index_value"));
    }

    /**
     * V(g, k, B) for every class, division, section and TOTAL: geo_code, geo_kind, weight_base_year,
     * industry_code, parent_code, value_added.
     */
    static Dataset<Row> valueAdded(Dataset<Row> classValueAdded, Dataset<Row> valueAddedGeographies) {
        Dataset<Row> byClass = classValueAdded
                .select(col("weight_base_year").cast("int").as("weight_base_year"),
                        col("geo_code").as("province_vn63"), col("vsic4"),
                        col("value_added").cast("double").as("value_added"))
                .join(broadcast(valueAddedGeographies), "province_vn63")
                .groupBy("geo_code", "geo_kind", "weight_base_year", "vsic4")
                .agg(sum("value_added").as("value_added"))
                .localCheckpoint(true);
        Dataset<Row> classes = byClass.select(col("geo_code"), col("geo_kind"), col("weight_base_year"),
                Industries.classCode(col("vsic4")).as("industry_code"),
                Industries.divisionCode(col("vsic4")).as("parent_code"), col("value_added"));
        Dataset<Row> divisions = byClass.groupBy(col("geo_code"), col("geo_kind"), col("weight_base_year"),
                        Industries.divisionCode(col("vsic4")).as("industry_code"),
                        Industries.section(col("vsic4")).as("parent_code"))
                .agg(sum("value_added").as("value_added"));
        Dataset<Row> sections = byClass.groupBy(col("geo_code"), col("geo_kind"), col("weight_base_year"),
                        Industries.section(col("vsic4")).as("industry_code"))
                .agg(sum("value_added").as("value_added"))
                .withColumn("parent_code", lit(Industries.TOTAL));
        Dataset<Row> total = byClass.groupBy("geo_code", "geo_kind", "weight_base_year")
                .agg(sum("value_added").as("value_added"))
                .withColumn("industry_code", lit(Industries.TOTAL))
                .withColumn("parent_code", lit(null).cast("string"));
        return classes.unionByName(divisions).unionByName(sections).unionByName(total);
    }

    /**
     * Classes → divisions → sections → TOTAL, each level the value-added weighted mean of its children's indices.
     * Returns the indices of every level (classes included).
     */
    static Dataset<Row> allLevels(Dataset<Row> classIndices, Dataset<Row> valueAdded) {
        Dataset<Row> all = classIndices;
        Dataset<Row> level = classIndices;
        for (int step = 0; step < 3; step++) {
            level = parents(level, valueAdded).localCheckpoint(true);
            all = all.unionByName(level);
        }
        return all;
    }

    private static Dataset<Row> parents(Dataset<Row> children, Dataset<Row> valueAdded) {
        Dataset<Row> weights = valueAdded.filter(col("value_added").gt(0))
                .select("geo_code", "geo_kind", "weight_base_year", "industry_code", "parent_code", "value_added");
        return children.join(weights, new String[] {"geo_code", "geo_kind", "weight_base_year", "industry_code"})
                .groupBy("geo_code", "geo_kind", "weight_base_year", "parent_code", "month_index")
                .agg(sum(col("value_added").multiply(col("index_value"))).divide(sum("value_added")).as("index_value"))
                .withColumnRenamed("parent_code", "industry_code")
                .select("geo_code", "geo_kind", "industry_code", "weight_base_year", "month_index", "index_value");
    }
}
