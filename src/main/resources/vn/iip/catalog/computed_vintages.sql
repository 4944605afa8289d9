SELECT v.period, v.period_type, v.geo_code, v.geo_version, g.name_vi AS geo_name_vi, g.name_en AS geo_name_en,
       v.industry_code, i.name_vi AS industry_name_vi, i.name_en AS industry_name_en, v.comparison,
       false AS comparison_inferred, v.measure, v.value_pct, v.index_value, 'computed' AS status,
       v.computed_as_of AS release_date, 'computed' AS publisher, concat('computed@', v.run_id) AS release_id,
       concat('computed from the enterprise survey by run ', v.run_id) AS source, v.vintage_rank AS release_rank,
       v.vintages AS releases_count, v.backcast, v.weight_base_year, v.computed_as_of
FROM (
    SELECT f.*,
           row_number() OVER (PARTITION BY f.period, f.period_type, f.geo_code, f.geo_version, f.industry_code,
                              f.comparison, f.measure ORDER BY f.computed_as_of, f.run_id) AS vintage_rank,
           row_number() OVER (PARTITION BY f.period, f.period_type, f.geo_code, f.geo_version, f.industry_code,
                              f.comparison, f.measure ORDER BY f.computed_as_of DESC, f.run_id DESC) AS newest_rank,
           count(*) OVER (PARTITION BY f.period, f.period_type, f.geo_code, f.geo_version, f.industry_code,
                          f.comparison, f.measure) AS vintages,
           CASE WHEN f.period_type = 'month' THEN last_day(to_date(concat(f.period, '-01')))
                WHEN f.period_type = 'quarter' THEN last_day(make_date(CAST(substr(f.period, 1, 4) AS INT),
                    CAST(substr(f.period, 7, 1) AS INT) * 3, 1))
                ELSE make_date(CAST(f.period AS INT), 12, 31) END AS period_end
    FROM ${gold}.fact_iip_computed f
) v
LEFT JOIN ${gold}.dim_geography g ON g.geo_code = v.geo_code AND g.geo_version = v.geo_version
    AND (v.period_end BETWEEN g.valid_from AND g.valid_to OR (v.backcast AND g.valid_to >= DATE'9999-12-31'))
LEFT JOIN ${gold}.dim_industry i ON i.industry_code = v.industry_code
WHERE ${which} AND (v.value_pct IS NOT NULL OR v.index_value IS NOT NULL)
