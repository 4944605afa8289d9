SELECT ${columns}
FROM ${store}.gold_snapshot s
WHERE s.gold_table = '${table}'
