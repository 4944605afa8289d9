-- The computed IIP (the contract of issue 11, README "The method") in DuckDB: the single-machine peer of the Spark
-- job for the benchmark. The table `figures` gets the rows iip_gold.v_iip_computed_latest has after one run on the
-- survey (its key columns, index_value, value_pct, weight_base_year, backcast).
-- Parameters, substituted once by the runner (vn.iip.benchmark.DuckDbSurvey) before the script runs:
--   ${survey}     the survey folder: rounds/, basket/ and value_added/ CSV files, each with a header row and the
--                 columns in the order of README "Survey input" (read by position, not by name)
--   ${reference}  a folder with the project's geography_vn63.csv and geography_vn34.csv (the 2025 bridge and the
--                 GSO regions)
-- The rounds are read once and reduced in one statement to sums per (province, month, product); every later
-- statement works on tables of a few million rows at most, with hash joins and window functions.
-- Statements end with ';' at the end of a line (the runner splits there, so no comment line ends with one).

-- No result depends on row order; without it DuckDB need not keep the order of big intermediate results.
SET preserve_insertion_order = false;

-- Months are integers, year * 12 + month - 1, so that "the month before" is t - 1 and "a year earlier" t - 12.
-- 2025-07, the first month of the 34-unit geography, is 24306.
CREATE MACRO section_of(vsic4) AS CASE
    WHEN TRY_CAST(substr(vsic4, 1, 2) AS INTEGER) BETWEEN 5 AND 9 THEN 'B'
    WHEN TRY_CAST(substr(vsic4, 1, 2) AS INTEGER) BETWEEN 10 AND 33 THEN 'C'
    WHEN TRY_CAST(substr(vsic4, 1, 2) AS INTEGER) = 35 THEN 'D'
    WHEN TRY_CAST(substr(vsic4, 1, 2) AS INTEGER) BETWEEN 36 AND 39 THEN 'E' END;

CREATE MACRO month_text(t) AS printf('%04d-%02d', t // 12, t % 12 + 1);

-- Reference: every province code a survey row may carry. A vn63 code (periods to 2025-06) knows its vn34 unit and
-- its region; a vn34 code (from 2025-07) is its own unit. Code 46 has two rows (two names), hence DISTINCT.
CREATE TABLE province AS
WITH region(region_en, region_code) AS (VALUES
        ('Red River Delta', 'R1'), ('Northern Midlands and Mountains', 'R2'),
        ('North Central and South Central Coast', 'R3'), ('Central Highlands', 'R4'),
        ('South East', 'R5'), ('Mekong River Delta', 'R6'))
SELECT DISTINCT trim(g.code) AS province_code, 'vn63' AS code_version, trim(g.code) AS province_vn63,
       trim(g.successor_code_vn34) AS unit_vn34, r.region_code
FROM read_csv('${reference}/geography_vn63.csv', header = true, all_varchar = true) g
LEFT JOIN region r ON r.region_en = trim(g.region_en)
UNION ALL
SELECT DISTINCT trim(code), 'vn34', NULL, trim(code), NULL
FROM read_csv('${reference}/geography_vn34.csv', header = true, all_varchar = true);

-- Basket (issue 11 §1): usable rows only, and a (base year, product) brought twice counts not at all (a weight must
-- not count twice).
CREATE TABLE basket AS
WITH raw AS (
    SELECT coalesce(trim(weight_base_year), '') AS weight_base_year, coalesce(trim(product_code), '') AS product_code,
           coalesce(trim(vsic4), '') AS vsic4, coalesce(trim(unit), '') AS unit,
           TRY_CAST(trim(output_value) AS DOUBLE) AS output_value
    FROM read_csv('${survey}/basket/*.csv', header = true, auto_detect = false, delim = ',', quote = '"',
                  escape = '"', strict_mode = false, null_padding = true,
                  columns = {'weight_base_year': 'VARCHAR', 'product_code': 'VARCHAR', 'vsic4': 'VARCHAR',
                             'unit': 'VARCHAR', 'output_value': 'VARCHAR'})
)
SELECT CAST(weight_base_year AS INTEGER) AS weight_base_year, product_code, vsic4,
       section_of(vsic4) || vsic4 AS class_code, unit, output_value AS w
FROM raw
WHERE regexp_full_match(weight_base_year, '(19|20)[0-9]{2}') AND product_code <> '' AND unit <> ''
  AND regexp_full_match(vsic4, '[0-9]{4}') AND section_of(vsic4) IS NOT NULL AND output_value > 0
QUALIFY count(*) OVER (PARTITION BY weight_base_year, product_code) = 1;

-- Class value added (issue 11 §1), same rules: a vn63 province, a class of sections B-E, a number >= 0, one row per
-- (base year, province, class).
CREATE TABLE va_class AS
WITH raw AS (
    SELECT coalesce(trim(weight_base_year), '') AS weight_base_year, coalesce(trim(geo_code), '') AS geo_code,
           coalesce(trim(vsic4), '') AS vsic4, TRY_CAST(trim(value_added) AS DOUBLE) AS value_added
    FROM read_csv('${survey}/value_added/*.csv', header = true, auto_detect = false, delim = ',', quote = '"',
                  escape = '"', strict_mode = false, null_padding = true,
                  columns = {'weight_base_year': 'VARCHAR', 'geo_code': 'VARCHAR', 'vsic4': 'VARCHAR',
                             'value_added': 'VARCHAR'})
)
SELECT CAST(weight_base_year AS INTEGER) AS weight_base_year, geo_code, vsic4, value_added
FROM raw
WHERE regexp_full_match(weight_base_year, '(19|20)[0-9]{2}')
  AND geo_code IN (SELECT province_code FROM province WHERE code_version = 'vn63')
  AND regexp_full_match(vsic4, '[0-9]{4}') AND section_of(vsic4) IS NOT NULL AND value_added >= 0
QUALIFY count(*) OVER (PARTITION BY weight_base_year, geo_code, vsic4) = 1;

-- Survey rounds: quarantine, step 1 and what step 2 needs, in one statement and one pass over the files. Nothing of
-- input size is stored: the rounds are reduced to sums per (province, month, product), which is all that the later
-- steps read (the quantities of one province's enterprises always count together).
-- * Every value is read as text, trimmed and judged as the Spark job does (SurveyConform): a row is usable when it
--   breaks no rule. A 10th column catches a field beyond the header (an unquoted decimal comma); a short row is
--   padded with NULLs and then breaks a rule. Only values that hold a blank are trimmed (trim is dear at 10^8 rows).
-- * Quarantine by round key (period, enterprise, product, collected_on): rows that differ are all unusable, even when
--   some of them are unusable anyway; of exact copies one is used. The key's rows are compared by a hash of the other
--   fields. (Copies that differ only by an extra field: the key is dropped; Spark uses it when the good copy is
--   first in the file.)
-- * Step 1: per (period, enterprise, product) the usable round with the latest collected_on (YYYY-MM-DD text sorts as
--   the date).
-- * Step 2 needs, per (enterprise, product) in month order, whether the previous final value is a reported one of the
--   month before (a pair for the links), and for a no_report the last month s < t with a reported value and that
--   value q_s. Imputed values are summed per (province, month, product, s): Σ q_s × chain = chain × Σ q_s, as the
--   chain depends on the province's unit, the product, s and t only.
CREATE MACRO trimmed(x) AS CASE WHEN contains(x, ' ') THEN trim(x) ELSE x END;

CREATE TABLE survey AS
WITH raw AS (
    SELECT trimmed(period) AS period, trimmed(collected_on) AS collected_on, trimmed(enterprise_id) AS enterprise_id,
           trimmed(province_code) AS province_code, trimmed(vsic4) AS vsic4, trimmed(product_code) AS product_code,
           trimmed(unit) AS unit, trimmed(quantity) AS quantity, trimmed(response) AS response, extra_fields
    FROM read_csv('${survey}/rounds/*.csv', header = true, auto_detect = false, delim = ',', quote = '"',
                  escape = '"', strict_mode = false, null_padding = true,
                  columns = {'period': 'VARCHAR', 'collected_on': 'VARCHAR', 'enterprise_id': 'VARCHAR',
                             'province_code': 'VARCHAR', 'vsic4': 'VARCHAR', 'product_code': 'VARCHAR',
                             'unit': 'VARCHAR', 'quantity': 'VARCHAR', 'response': 'VARCHAR',
                             'extra_fields': 'VARCHAR'})
),
typed AS (
    SELECT r.*, TRY_CAST(r.quantity AS DOUBLE) AS q,
           -- period and collected_on typed only when well-formed: a malformed value never shares a key with a good one
           CASE WHEN regexp_full_match(r.period, '[0-9]{4}-(0[1-9]|1[0-2])')
                THEN CAST(substr(r.period, 1, 4) AS INTEGER) * 12 + CAST(substr(r.period, 6, 2) AS INTEGER) - 1
           END AS t,
           CASE WHEN regexp_full_match(r.collected_on, '[0-9]{4}-[0-9]{2}-[0-9]{2}')
                THEN TRY_CAST(r.collected_on AS DATE) END AS collected,
           p.province_code IS NOT NULL AS province_valid,   -- valid for the period's geography
           u.unit IS NOT NULL AS unit_valid                 -- product in a basket, in the basket's unit
    FROM raw r
    LEFT JOIN province p
           ON p.province_code = r.province_code
          AND p.code_version = CASE WHEN r.period < '2025-07' THEN 'vn63' ELSE 'vn34' END
    LEFT JOIN (SELECT DISTINCT product_code, unit FROM basket) u
           ON u.product_code = r.product_code AND u.unit = r.unit
),
judged AS (
    SELECT t, enterprise_id, product_code, collected, province_code, response = 'reported' AS reported, q,
           hash(province_code, vsic4, unit, quantity, response) AS content,
           coalesce(extra_fields IS NULL AND t IS NOT NULL AND collected IS NOT NULL AND enterprise_id <> ''
                    AND CASE response WHEN 'reported' THEN isfinite(q) AND q >= 0
                                      WHEN 'no_report' THEN coalesce(quantity, '') = ''
                                      ELSE false END
                    AND province_valid AND unit_valid, false) AS usable
    FROM typed
),
rounds AS (
    SELECT t, enterprise_id, product_code, collected, any_value(province_code) AS province_code,
           any_value(reported) AS reported, any_value(q) AS quantity
    FROM judged
    GROUP BY t, enterprise_id, product_code, collected
    HAVING min(content) = max(content) AND bool_and(usable)
),
latest AS (
    SELECT t, enterprise_id, product_code, arg_max(province_code, collected) AS province_code,
           arg_max(reported, collected) AS reported, arg_max_null(quantity, collected) AS quantity
    FROM rounds
    GROUP BY t, enterprise_id, product_code
),
ordered AS (
    SELECT t, product_code, province_code, reported, quantity,
           coalesce(reported AND lag(reported) OVER w AND lag(t) OVER w = t - 1, false) AS pair,
           lag(quantity) OVER w AS previous_quantity,
           last_value(CASE WHEN reported THEN t END IGNORE NULLS)
               OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_reported_t,
           last_value(CASE WHEN reported THEN quantity END IGNORE NULLS)
               OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_reported_quantity
    FROM latest
    WINDOW w AS (PARTITION BY enterprise_id, product_code ORDER BY t)
)
-- from_t is s for imputable no_report values, NULL for the others (unimputable ones: no value, so excluded).
SELECT province_code, t, product_code, CASE WHEN NOT reported THEN last_reported_t END AS from_t,
       sum(quantity) FILTER (WHERE reported) AS reported_q,
       sum(quantity) FILTER (WHERE pair) AS pair_q, sum(previous_quantity) FILTER (WHERE pair) AS pair_previous_q,
       sum(last_reported_quantity) FILTER (WHERE NOT reported) AS carried_q
FROM ordered
GROUP BY ALL;

-- Step 2, the links: link(U, p, m) = Σ q_m / Σ q_{m-1} over the enterprises of vn34 unit U reporting p in m and
-- m - 1; the national one as fallback; a zero denominator leaves a link undefined (then the fallback).
CREATE TABLE link AS
WITH unit AS (
    SELECT p.unit_vn34, s.product_code, s.t, sum(s.pair_q) AS num, sum(s.pair_previous_q) AS den
    FROM survey s
    JOIN province p ON p.province_code = s.province_code
                   AND p.code_version = CASE WHEN s.t < 24306 THEN 'vn63' ELSE 'vn34' END
    WHERE s.pair_q IS NOT NULL
    GROUP BY ALL
)
SELECT unit_vn34, product_code, t, CASE WHEN den > 0 THEN num / den END AS unit_link,
       CASE WHEN sum(den) OVER national > 0 THEN sum(num) OVER national / sum(den) OVER national END AS national_link
FROM unit
WINDOW national AS (PARTITION BY product_code, t);

-- The final no_report values with an earlier reported value, summed as above (the others are unimputable:
-- excluded).
CREATE TABLE to_impute AS
SELECT s.t, s.province_code, s.product_code, p.unit_vn34, s.from_t, s.carried_q
FROM survey s
JOIN province p ON p.province_code = s.province_code
               AND p.code_version = CASE WHEN s.t < 24306 THEN 'vn63' ELSE 'vn34' END
WHERE s.from_t IS NOT NULL;

-- Π_{m=s+1..t} link(U, p, m) as a difference of running sums of logarithms on a dense month grid per (U, p), so a
-- chain of any length is two lookups; zero links are counted apart (they make the product 0).
CREATE TABLE chain AS
WITH grid AS (
    SELECT unit_vn34, product_code, unnest(range(min(from_t), max(t) + 1)) AS t
    FROM to_impute GROUP BY unit_vn34, product_code
),
linked AS (
    SELECT g.unit_vn34, g.product_code, g.t, coalesce(u.unit_link, n.national_link, 1.0) AS link
    FROM grid g
    LEFT JOIN link u ON u.unit_vn34 = g.unit_vn34 AND u.product_code = g.product_code AND u.t = g.t
    LEFT JOIN (SELECT DISTINCT product_code, t, national_link FROM link) n
           ON n.product_code = g.product_code AND n.t = g.t
)
SELECT unit_vn34, product_code, t,
       sum(CASE WHEN link > 0 THEN ln(link) ELSE 0 END) OVER w AS log_sum,
       sum(CASE WHEN link = 0 THEN 1 ELSE 0 END) OVER w AS zeros
FROM linked
WINDOW w AS (PARTITION BY unit_vn34, product_code ORDER BY t ROWS UNBOUNDED PRECEDING);

-- Steps 2-3: the quantities used (reported, or imputed q_s × chain), summed per province, product and month.
CREATE TABLE q_province AS
SELECT province_code, product_code, t, sum(q) AS q
FROM (
    SELECT province_code, product_code, t, reported_q AS q FROM survey WHERE reported_q IS NOT NULL
    UNION ALL
    SELECT i.province_code, i.product_code, i.t,
           i.carried_q * CASE WHEN c_to.zeros > c_from.zeros THEN 0.0 ELSE exp(c_to.log_sum - c_from.log_sum) END
    FROM to_impute i
    JOIN chain c_to ON c_to.unit_vn34 = i.unit_vn34 AND c_to.product_code = i.product_code AND c_to.t = i.t
    JOIN chain c_from ON c_from.unit_vn34 = i.unit_vn34 AND c_from.product_code = i.product_code
                     AND c_from.t = i.from_t
)
GROUP BY ALL;

-- Step 3, geographies: Q(g, p, t) for VN (all months), the vn34 unit (all months: before 2025-07 a back-cast from
-- its vn63 members), and up to 2025-06 the vn63 province and the GSO region. geo_kind 'national' is one series
-- across the cut-over; its geo_version is set at the end.
CREATE TABLE qty AS
WITH located AS (
    SELECT q.product_code, q.t, q.q, p.province_vn63, p.unit_vn34, p.region_code
    FROM q_province q
    JOIN province p ON p.province_code = q.province_code
                   AND p.code_version = CASE WHEN q.t < 24306 THEN 'vn63' ELSE 'vn34' END
)
SELECT geo_kind, geo_code, product_code, t, sum(q) AS q
FROM (
    SELECT 'national' AS geo_kind, 'VN' AS geo_code, product_code, t, q FROM located
    UNION ALL SELECT 'vn34', unit_vn34, product_code, t, q FROM located
    UNION ALL SELECT 'vn63', province_vn63, product_code, t, q FROM located WHERE t < 24306
    UNION ALL SELECT 'region', region_code, product_code, t, q FROM located WHERE t < 24306
)
GROUP BY ALL;

-- Steps 5 and 8, segments: base B_i is computed from January of B_i to December of B_{i+1} (the newest base: to the
-- newest month); in the linked series it stands for January of B_i + 1 (the oldest: January of B_1) to the same end.
CREATE TABLE segment AS
WITH bases AS (SELECT DISTINCT weight_base_year FROM basket),
neighbours AS (
    SELECT weight_base_year, lag(weight_base_year) OVER (ORDER BY weight_base_year) AS previous_base,
           lead(weight_base_year) OVER (ORDER BY weight_base_year) AS next_base
    FROM bases
)
SELECT weight_base_year, previous_base, next_base, weight_base_year * 12 AS compute_from,
       CASE WHEN next_base IS NULL THEN (SELECT max(t) FROM survey) ELSE next_base * 12 + 11 END AS compute_to,
       CASE WHEN previous_base IS NULL THEN weight_base_year * 12 ELSE (weight_base_year + 1) * 12 END AS linked_from
FROM neighbours;

-- Step 4, base quantities: q̄0(g, p, B) = Σ_{t in year B} Q(g, p, t) / 12 (absent months 0), kept when > 0.
CREATE TABLE q0 AS
SELECT q.geo_kind, q.geo_code, b.weight_base_year, q.product_code, sum(q.q) / 12 AS q0
FROM qty q JOIN basket b ON b.product_code = q.product_code AND q.t // 12 = b.weight_base_year
GROUP BY ALL
HAVING sum(q.q) / 12 > 0;

-- Step 6, class index: I(g, c, t) = 100 × Σ w_p·Q/q̄0 / Σ w_p over base B's products of class c with Q defined and
-- q̄0 > 0, for the months of B's segment. Industry code = section letter + VSIC class (C1010).
CREATE TABLE idx AS
SELECT q.geo_kind, q.geo_code, b.class_code AS industry_code, b.weight_base_year, q.t,
       100 * sum(b.w * q.q / z.q0) / sum(b.w) AS i
FROM qty q
JOIN basket b ON b.product_code = q.product_code
JOIN segment s ON s.weight_base_year = b.weight_base_year AND q.t BETWEEN s.compute_from AND s.compute_to
JOIN q0 z ON z.geo_kind = q.geo_kind AND z.geo_code = q.geo_code AND z.weight_base_year = b.weight_base_year
         AND z.product_code = q.product_code
GROUP BY ALL;

-- Step 7, V(g, k, B): the base year's value added of k's classes in g's provinces, for classes, divisions (C10),
-- sections (C) and TOTAL; parent_code is the level above.
CREATE TABLE va AS
WITH geography AS (
    SELECT province_vn63, 'national' AS geo_kind, 'VN' AS geo_code FROM province WHERE code_version = 'vn63'
    UNION ALL SELECT province_vn63, 'vn63', province_vn63 FROM province WHERE code_version = 'vn63'
    UNION ALL SELECT province_vn63, 'vn34', unit_vn34 FROM province WHERE code_version = 'vn63'
    UNION ALL SELECT province_vn63, 'region', region_code FROM province WHERE code_version = 'vn63'
),
by_class AS (
    SELECT g.geo_kind, g.geo_code, v.weight_base_year, v.vsic4, sum(v.value_added) AS v
    FROM va_class v JOIN geography g ON g.province_vn63 = v.geo_code
    GROUP BY ALL
)
SELECT geo_kind, geo_code, weight_base_year, section_of(vsic4) || vsic4 AS industry_code,
       section_of(vsic4) || substr(vsic4, 1, 2) AS parent_code, v
FROM by_class
UNION ALL
SELECT geo_kind, geo_code, weight_base_year, section_of(vsic4) || substr(vsic4, 1, 2), section_of(vsic4), sum(v)
FROM by_class GROUP BY ALL
UNION ALL
SELECT geo_kind, geo_code, weight_base_year, section_of(vsic4), 'TOTAL', sum(v)
FROM by_class GROUP BY ALL
UNION ALL
SELECT geo_kind, geo_code, weight_base_year, 'TOTAL', NULL, sum(v)
FROM by_class GROUP BY ALL;

-- Step 7, aggregates, one level at a time (classes → divisions → sections → TOTAL): Σ V·I / Σ V over the children
-- with an index and V > 0. The level is told by the child's code: a class has 5 characters, a division 3, a
-- section 1 (and TOTAL, 5 characters, is never a child).
INSERT INTO idx
SELECT c.geo_kind, c.geo_code, v.parent_code, c.weight_base_year, c.t, sum(v.v * c.i) / sum(v.v)
FROM idx c
JOIN va v ON v.geo_kind = c.geo_kind AND v.geo_code = c.geo_code AND v.weight_base_year = c.weight_base_year
         AND v.industry_code = c.industry_code
WHERE v.v > 0 AND length(c.industry_code) = 5 AND c.industry_code <> 'TOTAL'
GROUP BY ALL;

INSERT INTO idx
SELECT c.geo_kind, c.geo_code, v.parent_code, c.weight_base_year, c.t, sum(v.v * c.i) / sum(v.v)
FROM idx c
JOIN va v ON v.geo_kind = c.geo_kind AND v.geo_code = c.geo_code AND v.weight_base_year = c.weight_base_year
         AND v.industry_code = c.industry_code
WHERE v.v > 0 AND length(c.industry_code) = 3
GROUP BY ALL;

INSERT INTO idx
SELECT c.geo_kind, c.geo_code, v.parent_code, c.weight_base_year, c.t, sum(v.v * c.i) / sum(v.v)
FROM idx c
JOIN va v ON v.geo_kind = c.geo_kind AND v.geo_code = c.geo_code AND v.weight_base_year = c.weight_base_year
         AND v.industry_code = c.industry_code
WHERE v.v > 0 AND length(c.industry_code) = 1
GROUP BY ALL;

-- Step 8, Ī_B(Y): the mean of base B's index over the 12 months of year Y, where all 12 are defined.
CREATE TABLE means AS
SELECT geo_kind, geo_code, industry_code, weight_base_year, t // 12 AS year, avg(i) AS m
FROM idx
GROUP BY ALL
HAVING count(*) = 12;

-- Step 8, F_i = F_{i+1} × Ī_{B_{i+1}}(B_{i+1}) / Ī_{B_i}(B_{i+1}), F_n = 1, per series: the product of the ratios of
-- B_i and every newer base; one undefined ratio leaves every older F undefined.
CREATE TABLE factor AS
WITH series AS (SELECT DISTINCT geo_kind, geo_code, industry_code FROM idx),
ratio AS (
    SELECT s.geo_kind, s.geo_code, s.industry_code, g.weight_base_year,
           CASE WHEN g.next_base IS NULL THEN 1.0 ELSE new_mean.m / NULLIF(old_mean.m, 0) END AS ratio
    FROM series s CROSS JOIN segment g
    LEFT JOIN means new_mean
           ON new_mean.geo_kind = s.geo_kind AND new_mean.geo_code = s.geo_code
          AND new_mean.industry_code = s.industry_code AND new_mean.weight_base_year = g.next_base
          AND new_mean.year = g.next_base
    LEFT JOIN means old_mean
           ON old_mean.geo_kind = s.geo_kind AND old_mean.geo_code = s.geo_code
          AND old_mean.industry_code = s.industry_code AND old_mean.weight_base_year = g.weight_base_year
          AND old_mean.year = g.next_base
)
SELECT geo_kind, geo_code, industry_code, weight_base_year,
       CASE WHEN bool_and(ratio IS NOT NULL) OVER w THEN product(ratio) OVER w END AS f
FROM ratio
WINDOW w AS (PARTITION BY geo_kind, geo_code, industry_code ORDER BY weight_base_year DESC
             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);

-- Step 8, L(t) = I_{B_i}(t) × F_i in B_i's linked range; weight_base_year is the base of t's range.
CREATE TABLE linked AS
SELECT i.geo_kind, i.geo_code, i.industry_code, i.t, i.weight_base_year, i.i * f.f AS l
FROM idx i
JOIN segment s ON s.weight_base_year = i.weight_base_year AND i.t BETWEEN s.linked_from AND s.compute_to
JOIN factor f ON f.geo_kind = i.geo_kind AND f.geo_code = i.geo_code AND f.industry_code = i.industry_code
             AND f.weight_base_year = i.weight_base_year
WHERE f.f IS NOT NULL;

-- L at t and t - k (k = 1 for mom, 12 for yoy) for steps 9 and 10. One join per k: with k taken from a list, the
-- planner joins on the series alone and filters the months afterwards (a hundred times more rows).
CREATE TABLE linked_pair AS
SELECT a.geo_kind, a.geo_code, a.industry_code, a.t, 1 AS lag, 'mom' AS comparison, a.l, b.l AS l_earlier,
       a.weight_base_year, b.weight_base_year AS base_earlier
FROM linked a
JOIN linked b ON b.geo_kind = a.geo_kind AND b.geo_code = a.geo_code AND b.industry_code = a.industry_code
             AND b.t = a.t - 1
UNION ALL
SELECT a.geo_kind, a.geo_code, a.industry_code, a.t, 12, 'yoy', a.l, b.l, a.weight_base_year, b.weight_base_year
FROM linked a
JOIN linked b ON b.geo_kind = a.geo_kind AND b.geo_code = a.geo_code AND b.industry_code = a.industry_code
             AND b.t = a.t - 12;

-- Step 9, growth from L as ratios, each with the last month of its period and the number of months it spans (for
-- geo_version and backcast at the end); defined only when every input is and the denominator is > 0.
-- mom and yoy: L(t) / L(t - k).
CREATE TABLE growth AS
SELECT geo_kind, geo_code, industry_code, month_text(t) AS period, 'month' AS period_type, t AS last_month,
       1 AS months, comparison, l / l_earlier AS ratio, weight_base_year
FROM linked_pair
WHERE l_earlier > 0;

-- ytd_yoy at YYYY-MM: Σ_{j<=m} L(y, j) / Σ_{j<=m} L(y-1, j), all months defined.
INSERT INTO growth
WITH to_date AS (
    SELECT geo_kind, geo_code, industry_code, t, weight_base_year,
           sum(l) OVER w AS s, count(*) OVER w AS n
    FROM linked
    WINDOW w AS (PARTITION BY geo_kind, geo_code, industry_code, t // 12 ORDER BY t ROWS UNBOUNDED PRECEDING)
    QUALIFY count(*) OVER w = t % 12 + 1
)
SELECT a.geo_kind, a.geo_code, a.industry_code, month_text(a.t), 'month', a.t, 1, 'ytd_yoy', a.s / b.s,
       a.weight_base_year
FROM to_date a
JOIN to_date b ON b.geo_kind = a.geo_kind AND b.geo_code = a.geo_code AND b.industry_code = a.industry_code
              AND b.t = a.t - 12
WHERE b.s > 0;

-- q_yoy at YYYY-Qn and annual_yoy at YYYY: complete periods' sums over the same period a year earlier; the base is
-- that of the period's last month.
INSERT INTO growth
WITH sums AS (
    SELECT geo_kind, geo_code, industry_code, t // 12 AS year, (t % 12) // 3 + 1 AS quarter,
           sum(l) AS s, count(*) AS n, max(t) AS last_month, arg_max(weight_base_year, t) AS weight_base_year
    FROM linked
    GROUP BY GROUPING SETS ((geo_kind, geo_code, industry_code, t // 12, (t % 12) // 3 + 1),
                            (geo_kind, geo_code, industry_code, t // 12))
),
complete AS (
    SELECT *, quarter IS NULL AS is_year FROM sums WHERE n = CASE WHEN quarter IS NULL THEN 12 ELSE 3 END
)
SELECT a.geo_kind, a.geo_code, a.industry_code,
       CASE WHEN a.is_year THEN CAST(a.year AS VARCHAR) ELSE a.year || '-Q' || a.quarter END,
       CASE WHEN a.is_year THEN 'year' ELSE 'quarter' END, a.last_month, a.n,
       CASE WHEN a.is_year THEN 'annual_yoy' ELSE 'q_yoy' END, a.s / b.s, a.weight_base_year
FROM complete a
JOIN complete b ON b.geo_kind = a.geo_kind AND b.geo_code = a.geo_code AND b.industry_code = a.industry_code
               AND b.is_year = a.is_year AND b.year = a.year - 1 AND coalesce(b.quarter, 0) = coalesce(a.quarter, 0)
WHERE b.s > 0;

-- Step 10, contributions of each section to TOTAL and each division to its section, for mom and yoy.
-- Weights w_i = V(g, i) / Σ V(g, ·) over the parent's children with V > 0 in the base.
CREATE TABLE weight AS
SELECT geo_kind, geo_code, weight_base_year, parent_code, industry_code AS child_code,
       v / sum(v) OVER sib AS w, count(*) OVER sib AS children
FROM va
WHERE v > 0 AND (parent_code = 'TOTAL' OR length(parent_code) = 1)
WINDOW sib AS (PARTITION BY geo_kind, geo_code, weight_base_year, parent_code);

-- The parents (TOTAL, sections) with L defined at t and t - k, and the bases of the two months' ranges.
CREATE TABLE candidate AS
SELECT p.geo_kind, p.geo_code, p.industry_code AS parent_code, p.t, p.lag, p.comparison,
       p.weight_base_year AS base_t, p.base_earlier, s.previous_base
FROM linked_pair p
JOIN segment s ON s.weight_base_year = p.weight_base_year
WHERE p.industry_code = 'TOTAL' OR length(p.industry_code) = 1;

-- Unlinked indices of one base at t and t - k, for the industries of step 10 (TOTAL, sections, divisions).
CREATE TABLE idx_pair AS
SELECT a.geo_kind, a.geo_code, a.industry_code, a.weight_base_year, a.t, 1 AS lag, a.i AS i_now, b.i AS i_earlier
FROM idx a
JOIN idx b ON b.geo_kind = a.geo_kind AND b.geo_code = a.geo_code AND b.industry_code = a.industry_code
          AND b.weight_base_year = a.weight_base_year AND b.t = a.t - 1
WHERE length(a.industry_code) < 5 OR a.industry_code = 'TOTAL'
UNION ALL
SELECT a.geo_kind, a.geo_code, a.industry_code, a.weight_base_year, a.t, 12, a.i, b.i
FROM idx a
JOIN idx b ON b.geo_kind = a.geo_kind AND b.geo_code = a.geo_code AND b.industry_code = a.industry_code
          AND b.weight_base_year = a.weight_base_year AND b.t = a.t - 12
WHERE length(a.industry_code) < 5 OR a.industry_code = 'TOTAL';

-- t and t - k in one range, of base b: C_i = 100 · w_i · (I_i(t) − I_i(t−k)) / I(t−k), unlinked, all in base b:
-- every child with V > 0 must have both indices, else the parent's month has none. Parent first, then its
-- children, then their indices (materialised, so that the planner cannot join two index lookups to each other on
-- the keys they share).
CREATE TABLE contribution AS
WITH parent AS MATERIALIZED (
    SELECT c.geo_kind, c.geo_code, c.parent_code, c.t, c.lag, c.comparison, c.base_t, p.i_earlier AS parent_earlier
    FROM candidate c
    JOIN idx_pair p ON p.geo_kind = c.geo_kind AND p.geo_code = c.geo_code AND p.industry_code = c.parent_code
                   AND p.weight_base_year = c.base_t AND p.t = c.t AND p.lag = c.lag
    WHERE c.base_t = c.base_earlier
),
children AS MATERIALIZED (
    SELECT p.*, w.child_code, w.w, w.children
    FROM parent p
    JOIN weight w ON w.geo_kind = p.geo_kind AND w.geo_code = p.geo_code AND w.parent_code = p.parent_code
                 AND w.weight_base_year = p.base_t
)
SELECT k.geo_kind, k.geo_code, k.child_code, k.t, k.comparison, k.base_t,
       100 * k.w * (i.i_now - i.i_earlier) / NULLIF(k.parent_earlier, 0) AS pp
FROM children k
JOIN idx_pair i ON i.geo_kind = k.geo_kind AND i.geo_code = k.geo_code AND i.industry_code = k.child_code
               AND i.weight_base_year = k.base_t AND i.t = k.t AND i.lag = k.lag
QUALIFY count(*) OVER (PARTITION BY k.geo_kind, k.geo_code, k.parent_code, k.t, k.comparison) = k.children;

-- Across one base change (t in B's range, t - k in the previous base's), children of either base:
-- C_i = 100 · [w_i^new (I_i^new(t) − Ī_i^new(B)) + F · w_i^old (Ī_i^old(B) − I_i^old(t−k))] / (F · I^old(t−k)),
-- F = Ī^new(B) / Ī^old(B), unlinked; a child absent from one base has weight 0 there. Every term must be defined.
CREATE TABLE weight_pair AS
WITH new_w AS (
    SELECT w.*, s.weight_base_year AS base_t FROM weight w
    JOIN segment s ON s.weight_base_year = w.weight_base_year WHERE s.previous_base IS NOT NULL
),
old_w AS (
    SELECT w.*, s.weight_base_year AS base_t FROM weight w JOIN segment s ON s.previous_base = w.weight_base_year
)
SELECT coalesce(n.geo_kind, o.geo_kind) AS geo_kind, coalesce(n.geo_code, o.geo_code) AS geo_code,
       coalesce(n.parent_code, o.parent_code) AS parent_code, coalesce(n.base_t, o.base_t) AS base_t,
       coalesce(n.child_code, o.child_code) AS child_code, coalesce(n.w, 0) AS w_new, coalesce(o.w, 0) AS w_old
FROM new_w n
FULL OUTER JOIN old_w o ON o.geo_kind = n.geo_kind AND o.geo_code = n.geo_code AND o.parent_code = n.parent_code
                       AND o.base_t = n.base_t AND o.child_code = n.child_code;

INSERT INTO contribution
WITH parent AS MATERIALIZED (
    SELECT c.geo_kind, c.geo_code, c.parent_code, c.t, c.lag, c.comparison, c.base_t, c.base_earlier,
           parent_new.m AS parent_mean_new, parent_old.m AS parent_mean_old, parent_i.i AS parent_earlier
    FROM candidate c
    LEFT JOIN means parent_new ON parent_new.geo_kind = c.geo_kind AND parent_new.geo_code = c.geo_code
                              AND parent_new.industry_code = c.parent_code
                              AND parent_new.weight_base_year = c.base_t AND parent_new.year = c.base_t
    LEFT JOIN means parent_old ON parent_old.geo_kind = c.geo_kind AND parent_old.geo_code = c.geo_code
                              AND parent_old.industry_code = c.parent_code
                              AND parent_old.weight_base_year = c.base_earlier AND parent_old.year = c.base_t
    LEFT JOIN idx parent_i ON parent_i.geo_kind = c.geo_kind AND parent_i.geo_code = c.geo_code
                          AND parent_i.industry_code = c.parent_code AND parent_i.weight_base_year = c.base_earlier
                          AND parent_i.t = c.t - c.lag
    WHERE c.base_t <> c.base_earlier AND c.base_earlier = c.previous_base
),
children AS MATERIALIZED (
    SELECT p.*, k.child_code, k.w_new, k.w_old
    FROM parent p
    JOIN weight_pair k ON k.geo_kind = p.geo_kind AND k.geo_code = p.geo_code AND k.parent_code = p.parent_code
                      AND k.base_t = p.base_t
),
terms AS (
    SELECT k.*, now_i.i AS child_now, earlier_i.i AS child_earlier, child_new.m AS child_mean_new,
           child_old.m AS child_mean_old
    FROM children k
    LEFT JOIN idx now_i ON now_i.geo_kind = k.geo_kind AND now_i.geo_code = k.geo_code
                       AND now_i.industry_code = k.child_code AND now_i.weight_base_year = k.base_t
                       AND now_i.t = k.t
    LEFT JOIN idx earlier_i ON earlier_i.geo_kind = k.geo_kind AND earlier_i.geo_code = k.geo_code
                           AND earlier_i.industry_code = k.child_code AND earlier_i.weight_base_year = k.base_earlier
                           AND earlier_i.t = k.t - k.lag
    LEFT JOIN means child_new ON child_new.geo_kind = k.geo_kind AND child_new.geo_code = k.geo_code
                             AND child_new.industry_code = k.child_code AND child_new.weight_base_year = k.base_t
                             AND child_new.year = k.base_t
    LEFT JOIN means child_old ON child_old.geo_kind = k.geo_kind AND child_old.geo_code = k.geo_code
                             AND child_old.industry_code = k.child_code
                             AND child_old.weight_base_year = k.base_earlier AND child_old.year = k.base_t
),
judged AS (
    SELECT *, parent_mean_new / NULLIF(parent_mean_old, 0) AS f,
           (w_new = 0 OR (child_now IS NOT NULL AND child_mean_new IS NOT NULL))
           AND (w_old = 0 OR (child_mean_old IS NOT NULL AND child_earlier IS NOT NULL))
           AND parent_mean_new IS NOT NULL AND parent_mean_old IS NOT NULL AND parent_earlier IS NOT NULL AS defined
    FROM terms
)
SELECT geo_kind, geo_code, child_code, t, comparison, base_t,
       100 * (CASE WHEN w_new = 0 THEN 0.0 ELSE w_new * (child_now - child_mean_new) END
              + CASE WHEN w_old = 0 THEN 0.0 ELSE f * w_old * (child_mean_old - child_earlier) END)
           / NULLIF(f * parent_earlier, 0) AS pp
FROM judged
QUALIFY bool_and(defined) OVER (PARTITION BY geo_kind, geo_code, parent_code, t, comparison);

-- The figures, as v_iip_computed_latest has them: levels (index_level, fixed_base), growth (iip; index_value is
-- 100 + growth) and contributions (contribution_pp). National rows are vn63 up to 2025-06 and vn34 after; a vn34
-- row whose period starts before 2025-07 (a month, or a quarter's or year's first month) is a back-cast.
CREATE TABLE figures AS
WITH rows AS (
    SELECT geo_kind, geo_code, industry_code, month_text(t) AS period, 'month' AS period_type, t AS last_month,
           1 AS months, 'fixed_base' AS comparison, 'index_level' AS measure, l AS index_value,
           CAST(NULL AS DOUBLE) AS value_pct, weight_base_year
    FROM linked
    UNION ALL
    SELECT geo_kind, geo_code, industry_code, period, period_type, last_month, months, comparison, 'iip',
           ratio * 100, (ratio - 1) * 100, weight_base_year
    FROM growth
    UNION ALL
    SELECT geo_kind, geo_code, child_code, month_text(t), 'month', t, 1, comparison, 'contribution_pp',
           CAST(NULL AS DOUBLE), pp, base_t
    FROM contribution
)
SELECT CAST(period AS VARCHAR) AS period, CAST(period_type AS VARCHAR) AS period_type,
       CAST(geo_code AS VARCHAR) AS geo_code,
       CAST(CASE WHEN geo_kind <> 'national' THEN geo_kind WHEN last_month < 24306 THEN 'vn63' ELSE 'vn34' END
            AS VARCHAR) AS geo_version,
       CAST(industry_code AS VARCHAR) AS industry_code, CAST(comparison AS VARCHAR) AS comparison,
       CAST(measure AS VARCHAR) AS measure, CAST(index_value AS DOUBLE) AS index_value,
       CAST(value_pct AS DOUBLE) AS value_pct, CAST(weight_base_year AS INTEGER) AS weight_base_year,
       geo_kind = 'vn34' AND last_month - months + 1 < 24306 AS backcast
FROM rows;
