package vn.iip.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import vn.iip.IipException;
import vn.iip.conform.Period;
import vn.iip.reference.ReferenceData;

/**
 * When each publisher's release of a period is expected: the bundled {@code reference/release_schedule.csv}, or an
 * operator's file of the same columns (setting {@code iip.release-schedule}). A small list, read on the driver.
 */
public record ReleaseSchedule(String origin, List<Rule> rules) implements Serializable {
    public static final String BUNDLED = "/reference/release_schedule.csv";
    static final String HEADER = "publisher,period_type,first_period,last_period,day,months_after,grace_days";

    /**
     * One line: periods of {@code periodType} from {@code firstPeriod} to {@code lastPeriod} (null = open) are due on
     * day {@code day} of the month {@code monthsAfter} months after the period's last month.
     */
    public record Rule(String publisher, String periodType, String firstPeriod, String lastPeriod, int day,
                       int monthsAfter, int graceDays) implements Serializable {
        boolean covers(Period period) {
            return periodType.equals(period.type())
                    && (firstPeriod == null || firstPeriod.compareTo(period.label()) <= 0)
                    && (lastPeriod == null || lastPeriod.compareTo(period.label()) >= 0);
        }

        /** The day the release of the period is due (a day past the month's end: its last day). */
        LocalDate expected(Period period) {
            YearMonth month = YearMonth.from(period.end()).plusMonths(monthsAfter);
            return month.atDay(Math.min(day, month.lengthOfMonth()));
        }

        String describe() {
            return "day " + day + " of " + (monthsAfter == 0 ? "the period's last month" : monthsAfter == 1
                    ? "the month after the period" : monthsAfter + " months after the period") + ", "
                    + graceDays + " day(s) of grace";
        }
    }

    /** The schedule bundled in the jar. */
    public static ReleaseSchedule bundled() {
        try (InputStream in = ReleaseSchedule.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("Reference resource " + BUNDLED + " is missing: rebuild the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + BUNDLED, e);
        }
    }

    /** The operator's schedule at a path or URI (any Hadoop file system), or the bundled one for null or empty. */
    public static ReleaseSchedule load(String location, org.apache.hadoop.conf.Configuration hadoop) {
        if (location == null || location.isEmpty()) {
            return bundled();
        }
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), location);
        } catch (IOException e) {
            throw new IipException("Cannot read the release schedule " + location + " (setting iip.release-schedule): "
                    + e.getMessage() + "; give a readable CSV file with the header " + HEADER + ", or no setting"
                    + " for the bundled schedule");
        }
    }

    /** Parses the CSV text; a bad line is refused with its place and the rule it breaks. */
    static ReleaseSchedule parse(String text, String origin) {
        List<String> lines = text.replace("\uFEFF", "").lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IipException("Release schedule " + origin + " line 1: the header is '"
                    + (lines.isEmpty() ? "" : lines.get(0).strip()) + "', not '" + HEADER + "'; write that header");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            rules.add(rule(line.split(",", -1), origin + " line " + (i + 1)));
        }
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                if (overlap(rules.get(i), rules.get(j))) {
                    throw new IipException("Release schedule " + origin + ": two rules for " + rules.get(i).publisher()
                            + "'s " + rules.get(i).periodType() + " releases cover the same periods ("
                            + range(rules.get(i)) + " and " + range(rules.get(j)) + "); end one before the other starts");
                }
            }
        }
        return new ReleaseSchedule(origin, List.copyOf(rules));
    }

    private static boolean overlap(Rule a, Rule b) {
        return a.publisher().equals(b.publisher()) && a.periodType().equals(b.periodType())
                && (a.lastPeriod() == null || b.firstPeriod() == null || b.firstPeriod().compareTo(a.lastPeriod()) <= 0)
                && (b.lastPeriod() == null || a.firstPeriod() == null || a.firstPeriod().compareTo(b.lastPeriod()) <= 0);
    }

    private static String range(Rule rule) {
        return (rule.firstPeriod() == null ? "" : rule.firstPeriod()) + "…"
                + (rule.lastPeriod() == null ? "" : rule.lastPeriod());
    }

    private static Rule rule(String[] cells, String place) {
        if (cells.length != 7) {
            throw new IipException("Release schedule " + place + ": " + cells.length + " field(s), not 7 (" + HEADER
                    + "); write one rule per line");
        }
        String type = cells[1].strip();
        if (!List.of(Period.MONTH, Period.QUARTER, Period.YEAR).contains(type)) {
            throw new IipException("Release schedule " + place + ": period_type '" + type + "' is not month, quarter"
                    + " or year; write one of those");
        }
        return new Rule(cells[0].strip(), type, emptyToNull(cells[2]), emptyToNull(cells[3]),
                number(cells[4], "day", 1, 31, place), number(cells[5], "months_after", 0, 12, place),
                number(cells[6], "grace_days", 0, 365, place));
    }

    private static String emptyToNull(String cell) {
        return cell.isBlank() ? null : cell.strip();
    }

    private static int number(String cell, String column, int lowest, int highest, String place) {
        String value = cell.strip();
        if (!value.matches("\\d{1,3}") || Integer.parseInt(value) < lowest || Integer.parseInt(value) > highest) {
            throw new IipException("Release schedule " + place + ": " + column + " '" + value + "' is not a whole"
                    + " number from " + lowest + " to " + highest + "; write e.g. " + lowest);
        }
        return Integer.parseInt(value);
    }

    /** Columns of {@link #expectations}. */
    static final StructType EXPECTATION = StructType.fromDDL("publisher STRING, period_type STRING, period STRING,"
            + " expected_date DATE, grace_days INT, schedule_rule STRING");

    /** Every period of the computed calendar's years with the day its release is due, per publisher. */
    List<Row> expectations() {
        List<Row> rows = new ArrayList<>();
        for (int year = ReferenceData.FIRST_CALENDAR_YEAR; year <= ReferenceData.LAST_CALENDAR_YEAR; year++) {
            List<Period> periods = new ArrayList<>(List.of(Period.ofYear(year)));
            for (int quarter = 1; quarter <= 4; quarter++) {
                periods.add(Period.ofQuarter(year, quarter));
            }
            for (int month = 1; month <= 12; month++) {
                periods.add(Period.ofMonth(year, month));
            }
            for (Period period : periods) {
                for (Rule rule : rules) {
                    if (rule.covers(period)) {
                        rows.add(RowFactory.create(rule.publisher(), period.type(), period.label(),
                                Date.valueOf(rule.expected(period)), rule.graceDays(), rule.describe()));
                    }
                }
            }
        }
        return rows;
    }
}
