package vn.iip.pipeline;

/**
 * The warehouse's counts after a run, by distinct keys as well as by rows, so that a duplicate cannot pass for a
 * conserved row: every bronze row (file, row number) is stored exactly once as an observation or a quarantine row,
 * no stored row lacks its bronze row, and every file is registered once.
 */
record Totals(long rows, long distinctRows, long observations, long distinctObservations, long quarantined,
              long distinctQuarantined, long storedKeys, long storedWithoutBronze, long files, long distinctFiles,
              long facts) {

    /** Null when everything is conserved; else what is not, in words. */
    String problem() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        duplicates(problems, "iip_bronze.extract_row", rows, distinctRows);
        duplicates(problems, "iip_silver.observation", observations, distinctObservations);
        duplicates(problems, "iip_silver.quarantine", quarantined, distinctQuarantined);
        duplicates(problems, "iip_bronze.extract_file", files, distinctFiles);
        if (distinctObservations + distinctQuarantined != storedKeys) {
            problems.add((distinctObservations + distinctQuarantined - storedKeys)
                    + " row(s) are both observations and quarantined");
        }
        if (storedKeys != distinctRows || storedWithoutBronze > 0) {
            problems.add(distinctRows + " bronze row(s) but " + storedKeys + " stored"
                    + (storedWithoutBronze > 0 ? ", " + storedWithoutBronze + " of them without a bronze row" : ""));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static void duplicates(java.util.List<String> problems, String table, long rows, long distinct) {
        if (rows != distinct) {
            problems.add(table + " holds " + (rows - distinct) + " duplicate key(s) (" + rows + " rows, " + distinct
                    + " distinct)");
        }
    }
}
