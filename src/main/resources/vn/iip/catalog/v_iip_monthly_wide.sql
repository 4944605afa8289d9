WITH latest AS (SELECT * FROM ${gold}.v_iip_latest WHERE period_type = 'month' AND measure = 'iip'),
wide AS (
    SELECT period, geo_code, geo_version, first(geo_name_vi) AS geo_name_vi, first(geo_name_en) AS geo_name_en,
           industry_code, first(industry_name_vi) AS industry_name_vi, first(industry_name_en) AS industry_name_en,
           max(CASE WHEN comparison = 'mom' THEN value_pct END) AS mom_pct,
           max(CASE WHEN comparison = 'mom' THEN comparison_inferred END) AS mom_inferred,
           max(CASE WHEN comparison = 'yoy' THEN value_pct END) AS yoy_pct,
           max(CASE WHEN comparison = 'ytd_yoy' THEN value_pct END) AS ytd_yoy_pct,
           max(release_date) AS latest_release_date
    FROM latest GROUP BY period, geo_code, geo_version, industry_code)
SELECT w.period, w.geo_code, w.geo_version, w.geo_name_vi, w.geo_name_en, w.industry_code, w.industry_name_vi,
       w.industry_name_en, w.mom_pct, w.mom_inferred, w.yoy_pct, w.ytd_yoy_pct,
       r.first_value_pct AS yoy_first_print_pct, r.revision_pp AS yoy_revision_pp, w.latest_release_date,
       p.contains_tet, p.is_jan_feb
FROM wide w
LEFT JOIN ${gold}.fact_iip_revision r ON r.period = w.period AND r.geo_code = w.geo_code
    AND r.geo_version = w.geo_version AND r.industry_code = w.industry_code AND r.comparison = 'yoy'
    AND r.measure = 'iip'
LEFT JOIN ${gold}.dim_period p ON p.period = w.period AND p.period_type = 'month'
