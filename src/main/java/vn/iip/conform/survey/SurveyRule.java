package vn.iip.conform.survey;

/**
 * The quarantine rules of the enterprise survey, with their message templates. A reason reads
 * {@code <file> row <n>, column <column>: <problem>; <fix>}, the offending value quoted.
 */
public enum SurveyRule {
    FIELDS_EXTRA("survey_fields_extra", "extra_fields", "'%s' is a field beyond the header's (the row has more fields"
            + " than the header)", "quote a value that holds a comma, e.g. \"12,5\", or remove the extra field"),
    PERIOD_INVALID("survey_period_invalid", "period", "'%s' is not a month YYYY-MM",
            "write the reference month as YYYY-MM, e.g. 2021-11"),
    COLLECTED_ON_INVALID("survey_collected_on_invalid", "collected_on", "'%s' is not a date YYYY-MM-DD",
            "write the day of the survey round as YYYY-MM-DD"),
    ENTERPRISE_MISSING("survey_enterprise_missing", "enterprise_id", "'%s': the enterprise id is empty",
            "give every row the id of the enterprise that answered"),
    RESPONSE_UNKNOWN("survey_response_unknown", "response", "'%s' is neither reported nor no_report",
            "write reported, or no_report for an enterprise that did not answer"),
    QUANTITY_INVALID("survey_quantity_invalid", "quantity", "'%s' is not a finite number >= 0 (decimal point '.')",
            "write the reported quantity as a plain number such as 1234.5"),
    NO_REPORT_WITH_QUANTITY("survey_no_report_with_quantity", "quantity",
            "'%s' is given for a no_report row", "leave quantity empty when the enterprise did not answer, or mark"
            + " the row reported"),
    PROVINCE_INVALID("survey_province_invalid", "province_code",
            "'%s' is no province code of the geography valid at the period (vn63 until 2025-06, vn34 from 2025-07)",
            "use the 2-digit code of the period's geography"),
    PRODUCT_NOT_IN_BASKET("survey_product_not_in_basket", "product_code", "'%s' is in no product basket",
            "add the product to a basket file, or correct its code"),
    UNIT_MISMATCH("survey_unit_mismatch", "unit", "'%s' differs from the unit of the product in its basket",
            "report the quantity in the basket's unit"),
    CONFLICTING_ROUNDS("survey_conflicting_rows", null,
            "'%s': rows of the same period, enterprise, product and collected_on differ",
            "keep one row per round; send a restatement with a later collected_on"),
    COPY("survey_duplicate_copy", null, "'%s': an exact copy of a row already used",
            "nothing to fix; the first copy is used"),
    BASKET_ROW_INVALID("survey_basket_row_invalid", null, "'%s' is not a usable basket row (weight_base_year a"
            + " year, product_code and unit given, vsic4 a class of sections B-E, output_value a number > 0)",
            "correct the basket row"),
    VALUE_ADDED_ROW_INVALID("survey_value_added_row_invalid", null, "'%s' is not a usable value-added row"
            + " (weight_base_year a year, geo_code a vn63 province, vsic4 a class of sections B-E, value_added a"
            + " number >= 0)", "correct the value-added row"),
    BASKET_DUPLICATE("survey_basket_duplicate_key", null, "'%s': the files loaded together bring this product for"
            + " the base year more than once", "keep one row per weight_base_year and product_code"),
    VALUE_ADDED_DUPLICATE("survey_value_added_duplicate_key", null, "'%s': the files loaded together bring this"
            + " province and class for the base year more than once",
            "keep one row per weight_base_year, geo_code and vsic4");

    private final String id;
    private final String column;
    private final String problem;
    private final String fix;

    SurveyRule(String id, String column, String problem, String fix) {
        this.id = id;
        this.column = column;
        this.problem = problem;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    /** The column whose value breaks the rule; null for rules on the whole row. */
    public String column() {
        return column;
    }

    /** The reason's text after "file row n, column c: ", with %s for the offending value. */
    public String template() {
        return problem + "; " + fix;
    }
}
