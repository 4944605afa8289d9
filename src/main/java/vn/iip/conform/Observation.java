package vn.iip.conform;

import java.time.LocalDate;

/**
 * One published figure, typed and conformed. {@code valuePct} is growth in % (or pp for contributions);
 * {@code indexValue} is 100 + growth for IIP ratios; both are null when the source printed "not available".
 * Main-product figures (measure product_quantity or product_growth) name their product and, for quantities, carry
 * the quantity in the published unit ("Nghìn tấn"); their industry code is null.
 */
public record Observation(String releaseId, LocalDate releaseDate, String publisher, Period period, String geoCode,
                          String geoVersion, String geoInput, String industryCode, String comparison,
                          boolean comparisonInferred, String measure, Double valuePct, Double indexValue,
                          String valuePublished, String unit, int decimalsPublished, String status, String source,
                          String product, String quantityUnit, Double quantity) {}
