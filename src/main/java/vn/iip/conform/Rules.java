package vn.iip.conform;

/** Stable ids of the quarantine rules (documented in the README; analysts filter quarantine by them). */
public final class Rules {
    private Rules() {}

    public static final String FILE_UNDECODABLE = "file_undecodable";
    public static final String FILE_HEADER_MISSING_COLUMN = "file_header_missing_column";
    public static final String FILE_UNSUPPORTED = "file_unsupported_format";
    public static final String FILE_EMPTY = "file_empty";
    public static final String FILE_RELEASE_DATE_MISSING = "file_release_date_missing";
    public static final String FILE_SIDECAR_INVALID = "file_sidecar_invalid";
    public static final String FILE_ZIP_BOMB = "file_zip_bomb";
    public static final String ROW_FIELD_COUNT = "row_field_count";
    public static final String ROW_UNTERMINATED_QUOTE = "row_unterminated_quote";
    public static final String RELEASE_DATE_INVALID = "release_date_invalid";
    public static final String RELEASE_BEFORE_PERIOD = "release_before_period";
    public static final String PUBLISHER_MISSING = "publisher_missing";
    public static final String PERIOD_INVALID = "period_invalid";
    public static final String GEO_UNKNOWN = "geo_unknown";
    public static final String GEO_NOT_IN_VERSION = "geo_not_in_version";
    public static final String GEO_REGION_NOT_STORED = "geo_region_not_stored";
    public static final String PRODUCT_LABEL_MISSING = "product_label_missing";
    public static final String INDUSTRY_UNKNOWN = "industry_unknown";
    public static final String INDUSTRY_OUT_OF_SCOPE = "industry_out_of_scope";
    public static final String COMPARISON_UNKNOWN = "comparison_unknown";
    public static final String COMPARISON_PERIOD_MISMATCH = "comparison_period_mismatch";
    public static final String MEASURE_VALUE_ADDED = "measure_value_added";
    public static final String MEASURE_GROSS_OUTPUT = "measure_gross_output";
    public static final String MEASURE_UNKNOWN = "measure_unknown";
    public static final String UNIT_UNKNOWN = "unit_unknown";
    public static final String UNIT_MEASURE_MISMATCH = "unit_measure_mismatch";
    public static final String VALUE_INVALID = "value_invalid";
    public static final String VALUE_AMBIGUOUS = "value_ambiguous";
    public static final String VALUE_OUT_OF_DOMAIN = "value_out_of_domain";
    public static final String STATUS_UNKNOWN = "status_unknown";
    public static final String DUPLICATE_ROW = "duplicate_row";
    public static final String CONFLICTING_VALUES = "conflicting_values_in_release";
    public static final String ALREADY_LOADED = "already_loaded";
    public static final String CONFLICTS_WITH_LOADED = "conflicts_with_loaded";
}
