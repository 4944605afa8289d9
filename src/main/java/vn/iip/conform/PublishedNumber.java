package vn.iip.conform;

import java.math.BigDecimal;

/** A number as published: its exact decimal value (null when the cell says "not available") and its decimals. */
public record PublishedNumber(BigDecimal value, int decimals) {
    public static final PublishedNumber NOT_AVAILABLE = new PublishedNumber(null, 0);

    public boolean available() {
        return value != null;
    }
}
