SELECT q.run_id, r.started_at, r.mode, q.rule_id, CAST(count(*) AS BIGINT) AS rows_quarantined,
       CAST(count(DISTINCT q.file_sha256) AS BIGINT) AS files
FROM ${silver}.quarantine q
LEFT JOIN ${silver}.run_log r ON r.run_id = q.run_id
GROUP BY q.run_id, r.started_at, r.mode, q.rule_id
