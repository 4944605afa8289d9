CREATE OR REPLACE FUNCTION ${gold}.iip_as_of(as_of_date DATE)
RETURNS TABLE (${returns})
COMMENT 'Values as published on or before as_of_date / Số liệu theo các đợt công bố đến ngày as_of_date'
RETURN SELECT f.period, f.period_type, f.geo_code, f.geo_version, g.name_vi AS geo_name_vi,
       g.name_en AS geo_name_en, f.industry_code, i.name_vi AS industry_name_vi, i.name_en AS industry_name_en,
       f.comparison, f.comparison_inferred, f.measure, f.value_pct, f.index_value, f.status, f.release_date,
       f.publisher, f.release_id, f.source,
       CAST(row_number() OVER (PARTITION BY f.period, f.geo_code, f.geo_version, f.industry_code, f.comparison,
           f.measure ORDER BY f.release_date, f.publisher) AS INT) AS release_rank,
       CAST(count(*) OVER (PARTITION BY f.period, f.geo_code, f.geo_version, f.industry_code, f.comparison,
           f.measure) AS INT) AS releases_count
FROM ${gold}.fact_iip_release f
LEFT JOIN ${gold}.dim_geography g ON g.geo_code = f.geo_code AND g.geo_version = f.geo_version
    AND f.period_end BETWEEN g.valid_from AND g.valid_to
LEFT JOIN ${gold}.dim_industry i ON i.industry_code = f.industry_code
WHERE f.release_date <= as_of_date
QUALIFY release_rank = releases_count
