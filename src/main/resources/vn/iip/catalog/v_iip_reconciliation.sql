SELECT p.period, p.period_type, p.geo_code, p.geo_version, p.industry_code, p.comparison, p.measure,
       p.value_pct AS published_value_pct, p.decimals_published, p.release_date AS published_release_date,
       p.publisher, c.value_pct AS computed_value_pct,
       CASE coalesce(p.decimals_published, 1) WHEN 0 THEN round(c.value_pct, 0) WHEN 1 THEN round(c.value_pct, 1)
            WHEN 2 THEN round(c.value_pct, 2) ELSE round(c.value_pct, 3) END AS computed_rounded_pct,
       round(CASE coalesce(p.decimals_published, 1) WHEN 0 THEN round(c.value_pct, 0)
                  WHEN 1 THEN round(c.value_pct, 1) WHEN 2 THEN round(c.value_pct, 2) ELSE round(c.value_pct, 3) END
             - p.value_pct, 6) AS difference_pp,
       c.computed_as_of, c.backcast, c.weight_base_year
FROM ${gold}.fact_iip_release p
JOIN ${gold}.v_iip_computed_latest c
  ON c.period = p.period AND c.period_type = p.period_type AND c.geo_code = p.geo_code
 AND c.geo_version = p.geo_version AND c.industry_code = p.industry_code AND c.comparison = p.comparison
 AND c.measure = p.measure
WHERE p.is_latest_release AND p.value_pct IS NOT NULL
