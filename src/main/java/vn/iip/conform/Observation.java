package vn.iip.conform;

import java.time.LocalDate;

/**
 * One published figure, typed and conformed. {@code valuePct} is growth in % (or pp for contributions);
 * {@code indexValue} is 100 + growth for IIP ratios; both are null when the source printed "not available".
 */
public record Observation(String releaseId, LocalDate releaseDate, String publisher, Period period, String geoCode,
                          String geoVersion, String geoInput, String industryCode, String comparison,
                          boolean comparisonInferred, String measure, Double valuePct, Double indexValue,
                          String valuePublished, String unit, int decimalsPublished, String status, String source) {}
