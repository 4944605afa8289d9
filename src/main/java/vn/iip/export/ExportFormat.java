package vn.iip.export;

import java.util.Locale;

/** The formats an export writes, by the name the command line takes. */
public enum ExportFormat {
    /** RFC 4180 CSV with a header row; a UTF-8 byte-order mark on request, so that Excel reads Vietnamese names. */
    CSV("csv"),
    /** An Excel workbook: one sheet, a bold frozen header row, numbers, dates and booleans as typed cells. */
    XLSX("xlsx"),
    /** SDMX-CSV 2.0 of the figures' dataflow ({@link SdmxCsv#DATAFLOW}). */
    SDMX_CSV("sdmx-csv");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The format of a command-line name (csv, xlsx, sdmx-csv), or an error naming the three. */
    public static ExportFormat of(String name) {
        for (ExportFormat format : values()) {
            if (format.label.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is no export format; write csv, xlsx or sdmx-csv");
    }
}
