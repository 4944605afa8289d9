package vn.iip.conform;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads numbers the way Vietnamese statistics print them: decimal comma and thousands dot ({@code 1.112,80},
 * {@code 105,5}), minus as '-' or U+2212. A dot is a decimal point only when it cannot be a thousands separator
 * (not exactly three digits after it, or a leading zero); {@code 1.234} could be either and is rejected, never guessed.
 */
public final class VietnameseNumbers {
    private VietnameseNumbers() {}

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:[.]\\d{3})+");
    private static final Pattern GROUPED_COMMA = Pattern.compile("\\d{1,3}(?:,\\d{3})+");
    private static final Pattern GROUPED_SPACE = Pattern.compile("\\d{1,3}(?: \\d{3})+");
    private static final Pattern SPACE_GROUPED_DECIMAL = Pattern.compile("\\d{1,3}(?: \\d{3})+[,.]\\d+");

    public static Outcome<PublishedNumber> parse(String raw) {
        if (raw == null) {
            return Outcome.ok(PublishedNumber.NOT_AVAILABLE);
        }
        String text = raw.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ').trim();
        if (text.isEmpty() || text.matches("\\.{2,6}|…|n/?a|N/?A")) {
            // ".." is GSO's and PX-Web's "not available".
            return Outcome.ok(PublishedNumber.NOT_AVAILABLE);
        }
        if (text.matches("[-\u2212\u2013]{1,2}")) {
            return Outcome.rejected(Rules.VALUE_AMBIGUOUS, "value '" + raw + "' is ambiguous: a dash means 'no figure'"
                    + " in GSO tables but 'exactly zero' in PC-Axis files; write '..' for not available or 0");
        }
        String body = text;
        boolean negative = false;
        char first = body.charAt(0);
        if (first == '-' || first == '\u2212' || first == '\u2013' || first == '+') {
            negative = first != '+';
            body = body.substring(1).trim();
        }
        if (body.endsWith("%")) {
            body = body.substring(0, body.length() - 1).trim();
        }
        Outcome<String> plain = toPlainDecimal(body, raw);
        if (!plain.isOk()) {
            return Outcome.rejected(plain.ruleId(), plain.message());
        }
        String digits = plain.value();
        int dot = digits.indexOf('.');
        int decimals = dot < 0 ? 0 : digits.length() - dot - 1;
        BigDecimal value = new BigDecimal(digits);
        return Outcome.ok(new PublishedNumber(negative ? value.negate() : value, decimals));
    }

    /** Turns the unsigned part into "1234.5" form, or explains why it cannot. */
    private static Outcome<String> toPlainDecimal(String body, String raw) {
        int lastComma = body.lastIndexOf(',');
        int lastDot = body.lastIndexOf('.');
        if (DIGITS.matcher(body).matches()) {
            return Outcome.ok(body);
        }
        if (GROUPED_SPACE.matcher(body).matches()) {
            return Outcome.ok(body.replace(" ", ""));
        }
        if (SPACE_GROUPED_DECIMAL.matcher(body).matches()) {
            body = body.replace(" ", "");
            lastComma = body.lastIndexOf(',');
            lastDot = body.lastIndexOf('.');
        }
        if (lastComma >= 0 && lastDot >= 0) {
            // Both separators: the last one is the decimal mark, the other must group thousands.
            boolean commaDecimal = lastComma > lastDot;
            String integer = body.substring(0, commaDecimal ? lastComma : lastDot);
            String fraction = body.substring((commaDecimal ? lastComma : lastDot) + 1);
            Pattern grouping = commaDecimal ? GROUPED : GROUPED_COMMA;
            if (grouping.matcher(integer).matches() && DIGITS.matcher(fraction).matches()) {
                return Outcome.ok(integer.replaceAll("[.,]", "") + "." + fraction);
            }
            return invalid(raw);
        }
        if (lastComma >= 0) {
            String integer = body.substring(0, lastComma);
            String fraction = body.substring(lastComma + 1);
            if (body.indexOf(',') == lastComma && DIGITS.matcher(integer).matches() && DIGITS.matcher(fraction).matches()) {
                return Outcome.ok(integer + "." + fraction);
            }
            return invalid(raw);
        }
        if (lastDot >= 0) {
            if (GROUPED.matcher(body).matches() && body.indexOf('.') != lastDot) {
                return Outcome.ok(body.replace(".", ""));
            }
            String integer = body.substring(0, lastDot);
            String fraction = body.substring(lastDot + 1);
            if (body.indexOf('.') != lastDot || !DIGITS.matcher(fraction).matches()
                    || !(integer.isEmpty() || DIGITS.matcher(integer).matches())) {
                return invalid(raw);
            }
            boolean couldBeThousands = fraction.length() == 3 && !integer.isEmpty() && !integer.startsWith("0")
                    && integer.length() <= 3;
            if (couldBeThousands) {
                return Outcome.rejected(Rules.VALUE_AMBIGUOUS, "value '" + raw + "' is ambiguous: with a thousands dot it"
                        + " reads " + integer + fraction + ", with a decimal dot " + integer + "." + fraction
                        + "; write it with a decimal comma ('" + integer + "," + fraction + "') or without grouping");
            }
            return Outcome.ok((integer.isEmpty() ? "0" : integer) + "." + fraction);
        }
        return invalid(raw);
    }

    private static Outcome<String> invalid(String raw) {
        return Outcome.rejected(Rules.VALUE_INVALID, "value '" + raw + "' is not a number in Vietnamese or plain"
                + " notation (expected e.g. '105,5', '-2,8', '1.112,80' or '..' for not available)");
    }
}
