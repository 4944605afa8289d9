package vn.iip.ingest.workbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POI refuses a workbook whose parts would expand far more than real spreadsheets do (its "zip bomb" guard) with a
 * multi-line text meant for developers. This turns it into the project's one-line reason.
 */
final class ZipBomb {
    private ZipBomb() {}

    private static final Pattern SIZES = Pattern.compile("Uncompressed size: (\\d+), Raw/compressed size: (\\d+)");
    private static final Pattern ENTRY = Pattern.compile("Entry: (\\S+)");

    /** The reason for {@code Rules.FILE_ZIP_BOMB}, or null when the failure is something else. */
    static String describe(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            String message = e.getMessage();
            if (message != null && message.contains("Zip bomb")) {
                Matcher sizes = SIZES.matcher(message);
                Matcher entry = ENTRY.matcher(message);
                String part = entry.find() ? "its part '" + entry.group(1) + "'" : "one of its parts";
                String ratio = sizes.find() && Long.parseLong(sizes.group(2)) > 0
                        ? " " + Long.parseLong(sizes.group(1)) / Long.parseLong(sizes.group(2)) + " times its size"
                        : " far beyond its size";
                return "the workbook is not opened: " + part + " would expand" + ratio + " when unzipped, which"
                        + " real spreadsheets never do (a zip bomb); export the table again from Excel, or as CSV";
            }
        }
        return null;
    }
}
