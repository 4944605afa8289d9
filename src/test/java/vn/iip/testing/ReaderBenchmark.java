package vn.iip.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.iip.conform.RowConformer;
import vn.iip.ingest.ExtractReaders;
import vn.iip.ingest.ParsedExtract;
import vn.iip.ingest.RawRecord;
import vn.iip.reference.ReferenceData;

/**
 * How fast the office-format readers and conform are, per file and per cell, without Spark (which only spreads
 * files over executors). Builds large realistic files — a 12-sheet provincial workbook, a PC-Axis cube and a PX-Web
 * export of 63 provinces × 13 years × 36 industries — and prints the median of several reads.
 *   jobs/benchmark-readers
 */
public final class ReaderBenchmark {
    private ReaderBenchmark() {}

    private static final List<String> PROVINCES = List.of("Hà Nội", "Hải Phòng", "Quảng Ninh", "Bắc Ninh",
            "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Thừa Thiên Huế", "Đà Nẵng", "Quảng Nam", "Quảng Ngãi", "Khánh Hòa",
            "Đồng Nai", "Bình Dương", "Bà Rịa - Vũng Tàu", "Long An", "Cần Thơ", "Tây Ninh", "Vĩnh Phúc", "Hải Dương");

    public static void main(String[] args) throws IOException {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf("%-34s %8s %8s %10s %12s%n", "file", "KiB", "cells", "median_ms", "cells_per_s");
        measure("workbook, 12 monthly sheets", "big.xlsx", workbook(), repetitions);
        measure("PC-Axis, 20 provinces x 13 years", "big.px", cube().getBytes(StandardCharsets.UTF_8), repetitions);
        measure("PX-Web CSV, 20 provinces x 13 years", "big.csv", pxWeb().getBytes(StandardCharsets.UTF_8),
                repetitions);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores; "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    private static void measure(String label, String name, byte[] content, int repetitions) {
        RowConformer conformer = new RowConformer(ReferenceData.get());
        long[] millis = new long[repetitions + 2];
        int cells = 0;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            ParsedExtract parsed = ExtractReaders.read("/bench/" + name, content);
            int accepted = 0;
            for (RawRecord row : parsed.rows()) {
                accepted += conformer.conform(row.fields(), name, row.place()).isAccepted() ? 1 : 0;
            }
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            cells = parsed.rows().size();
            if (accepted != cells) {
                throw new IllegalStateException(label + ": " + (cells - accepted) + " cells rejected");
            }
        }
        long[] measured = java.util.Arrays.copyOfRange(millis, 2, millis.length); // first two warm the JIT
        java.util.Arrays.sort(measured);
        long median = measured[measured.length / 2];
        System.out.printf("%-34s %8d %8d %10d %12.0f%n", label, content.length / 1024, cells, median,
                cells * 1000.0 / Math.max(1, median));
    }

    private static byte[] workbook() throws IOException {
        try (WorkbookWriter w = new WorkbookWriter()) {
            for (int month = 1; month <= 12; month++) {
                w.sheet("T" + month).row("BỘ CÔNG THƯƠNG").row("Ngày công bố: 28/12/2021")
                        .row("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG " + month + " NĂM 2021 CỦA CÁC ĐỊA PHƯƠNG")
                        .row("Tỉnh, thành phố", "Tháng " + month + " năm 2021 so với tháng trước (%)",
                                "Tháng " + month + " năm 2021 so với cùng kỳ năm trước (%)",
                                month + " tháng năm 2021 so với cùng kỳ năm trước (%)");
                for (int p = 0; p < PROVINCES.size(); p++) {
                    w.row(PROVINCES.get(p), "#" + (100 + p * 0.3), "#" + (101 + p * 0.2), "#" + (102 + p * 0.1));
                }
            }
            return w.bytes();
        }
    }

    private static String cube() {
        StringBuilder px = new StringBuilder("CHARSET=\"ANSI\";\nCODEPAGE=\"utf-8\";\nLANGUAGE=\"vi\";\n"
                + "LAST-UPDATED=\"20220630 09:00\";\nMATRIX=\"V07.02\";\nSUBJECT-AREA=\"Công nghiệp\";\n"
                + "SUBJECT-CODE=\"V07\";\nTITLE=\"Chỉ số sản xuất công nghiệp phân theo địa phương (Năm trước = 100)\";\n"
                + "CONTENTS=\"Chỉ số sản xuất công nghiệp\";\nUNITS=\"Năm trước = 100\";\nSTUB=\"Địa phương\";\n"
                + "HEADING=\"Năm\";\nVALUES(\"Địa phương\")=");
        px.append(String.join(",", PROVINCES.stream().map(p -> "\"" + p + "\"").toList())).append(";\nVALUES(\"Năm\")=");
        px.append(String.join(",", years().stream().map(y -> "\"" + y + "\"").toList()));
        px.append(";\nDECIMALS=1;\nSOURCE=\"Tổng cục Thống kê\";\nDATA=\n");
        for (int p = 0; p < PROVINCES.size(); p++) {
            for (int y = 0; y < years().size(); y++) {
                px.append(100 + (p + y) % 15).append('.').append(y % 10).append(' ');
            }
            px.append('\n');
        }
        return px.append(";\n").toString();
    }

    private static String pxWeb() {
        StringBuilder csv = new StringBuilder("\"Chỉ số sản xuất công nghiệp phân theo địa phương (Năm trước = 100)\"\n"
                + "\"Địa phương\"");
        years().forEach(y -> csv.append(";\"").append(y).append('"'));
        csv.append('\n');
        for (int p = 0; p < PROVINCES.size(); p++) {
            csv.append('"').append(PROVINCES.get(p)).append('"');
            for (int y = 0; y < years().size(); y++) {
                csv.append(';').append(100 + (p + y) % 15).append(',').append(y % 10);
            }
            csv.append('\n');
        }
        return csv.append("\"Nguồn: Tổng cục Thống kê\"\n\"Ngày cập nhật: 30/06/2022\"\n").toString();
    }

    private static List<String> years() {
        return java.util.stream.IntStream.rangeClosed(2009, 2021).mapToObj(String::valueOf).toList();
    }
}
