package vn.iip.conform;

import java.math.BigDecimal;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Main-product figures from the products table of a monthly report ("Điện sản xuất | Triệu kWh | 22.450,1"):
 * quantities in their published unit (level for the month, ytd_level for the cumulative window) and growth against
 * the same period, printed as indices. They are their own observation family: never IIP facts.
 */
final class ProductFigures {
    private ProductFigures() {}

    static final String QUANTITY = "product_quantity";
    static final String GROWTH = "product_growth";

    /**
     * @param value  a field of the row by name ("" when absent)
     * @param reject builds the rejection for a column
     * @param shared release, period and geography already read by the row conformer
     */
    static ConformedRow conform(Function<String, String> value, BiFunction<String, Outcome<?>, ConformedRow> reject,
                                Observation shared) {
        String product = VietnameseText.display(value.apply("product"));
        if (product.isEmpty()) {
            return reject.apply("product", Outcome.rejected(Rules.PRODUCT_LABEL_MISSING, "the product row has no"
                    + " name; write the product in the first column"));
        }
        String measure = value.apply("measure");
        Outcome<PublishedNumber> number = VietnameseNumbers.parse(value.apply("value"));
        if (!number.isOk()) {
            return reject.apply("value", number);
        }
        Outcome<String> status = Measures.status(value.apply("status"));
        if (!status.isOk()) {
            return reject.apply("status", status);
        }
        String published = value.apply("value").trim();
        BigDecimal amount = number.value().available() ? number.value().value() : null;
        if (QUANTITY.equals(measure)) {
            String comparison = "ytd_level".equals(value.apply("comparison")) ? "ytd_level" : "level";
            if (amount != null && amount.signum() < 0) {
                return reject.apply("value", Outcome.rejected(Rules.VALUE_OUT_OF_DOMAIN, "quantity '" + published
                        + "' is negative; a production quantity cannot be: check the sign"));
            }
            return ConformedRow.accepted(with(shared, comparison, false, QUANTITY, null, null, published,
                    "quantity", number.value().decimals(), status.value(), product, value.apply("quantity_unit"),
                    amount == null ? null : amount.doubleValue()));
        }
        Outcome<Comparison> comparison = Comparisons.resolve(value.apply("comparison"), shared.period().type());
        if (!comparison.isOk()) {
            return reject.apply("comparison", comparison);
        }
        Outcome<BigDecimal[]> growth = RowConformer.growthAndIndex(number.value(), Measures.UNIT_INDEX, published);
        if (!growth.isOk()) {
            return reject.apply("value", growth);
        }
        BigDecimal[] values = growth.value();
        return ConformedRow.accepted(with(shared, comparison.value().code(), comparison.value().inferred(), GROWTH,
                values[0] == null ? null : values[0].doubleValue(), values[1] == null ? null : values[1].doubleValue(),
                published, Measures.UNIT_INDEX, number.value().decimals(), status.value(), product,
                value.apply("quantity_unit"), null));
    }

    private static Observation with(Observation s, String comparison, boolean inferred, String measure, Double pct,
                                    Double index, String published, String unit, int decimals, String status,
                                    String product, String quantityUnit, Double quantity) {
        return new Observation(s.releaseId(), s.releaseDate(), s.publisher(), s.period(), s.geoCode(), s.geoVersion(),
                s.geoInput(), null, comparison, inferred, measure, pct, index, published, unit, decimals, status,
                s.source(), product, VietnameseText.display(quantityUnit), quantity);
    }
}
