SELECT f.period, f.period_type, f.geo_code, f.geo_version, g.name_vi AS geo_name_vi, g.name_en AS geo_name_en,
       f.industry_code, i.name_vi AS industry_name_vi, i.name_en AS industry_name_en, f.comparison,
       f.comparison_inferred, f.measure, f.value_pct, f.index_value, f.status, f.release_date, f.publisher,
       f.release_id, f.source, f.release_rank, f.releases_count
FROM ${gold}.fact_iip_release f
LEFT JOIN ${gold}.dim_geography g ON g.geo_code = f.geo_code AND g.geo_version = f.geo_version
    AND f.period_end BETWEEN g.valid_from AND g.valid_to
LEFT JOIN ${gold}.dim_industry i ON i.industry_code = f.industry_code
WHERE f.is_first_release
