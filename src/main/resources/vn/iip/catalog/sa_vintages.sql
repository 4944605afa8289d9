SELECT v.period, v.geo_code, v.geo_version, g.name_vi AS geo_name_vi, g.name_en AS geo_name_en, v.industry_code,
       i.name_vi AS industry_name_vi, i.name_en AS industry_name_en, v.method, v.index_value, v.sa_index,
       v.trend_index, v.seasonal_factor, v.tet_effect, v.calendar_effect, v.irregular, v.mom_sa_pct, v.spec_id,
       v.sa_as_of, v.run_id, v.vintages_count
FROM (
    SELECT f.*,
           row_number() OVER (PARTITION BY f.period, f.geo_code, f.geo_version, f.industry_code, f.method
                              ORDER BY f.sa_as_of DESC, f.run_id DESC) AS newest_rank,
           CAST(count(*) OVER (PARTITION BY f.period, f.geo_code, f.geo_version, f.industry_code, f.method)
                AS INT) AS vintages_count,
           last_day(to_date(concat(f.period, '-01'))) AS period_end
    FROM ${gold}.fact_iip_sa f
    WHERE ${vintages}
) v
LEFT JOIN ${gold}.dim_geography g ON g.geo_code = v.geo_code AND g.geo_version = v.geo_version
    AND (v.period_end BETWEEN g.valid_from AND g.valid_to
         OR (v.geo_version = 'vn34' AND v.period_end < DATE'2025-07-01' AND g.valid_to >= DATE'9999-12-31'))
LEFT JOIN ${gold}.dim_industry i ON i.industry_code = v.industry_code
WHERE v.newest_rank = 1 AND v.sa_index IS NOT NULL
