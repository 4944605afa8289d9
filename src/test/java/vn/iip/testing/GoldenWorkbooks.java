package vn.iip.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden report workbooks under src/test/resources/extracts/workbook, written from the layouts of IIP-DOMAIN.md
 * §2.1 with published figures (sources in that folder's README). The committed files are what the tests read; run
 * this main to re-create them after changing a layout here, then update the expected-observations CSVs by hand.
 */
public final class GoldenWorkbooks {
    private GoldenWorkbooks() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/test/resources/extracts/workbook");
        Files.write(folder.resolve("gso-2021-11-iip.xlsx"), gsoNovember2021());
        Files.write(folder.resolve("dong-nai-2020-11-iip.xlsx"), dongNaiNovember2020());
        Files.write(folder.resolve("moit-2021-08-provinces.xlsx"), moitProvincesAugust2021());
        Files.write(folder.resolveSibling("same-release").resolve("gso-2021-11.xlsx"), sameReleaseNovember2021());
    }

    /** The release of extracts/same-release/gso-2021-11.csv laid out as GSO's table ("..": not published). */
    public static byte[] sameReleaseNovember2021() throws IOException {
        try (WorkbookWriter w = new WorkbookWriter()) {
            w.sheet("IIP")
                    .row("TỔNG CỤC THỐNG KÊ")
                    .row("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG 11 NĂM 2021").merge("A2:D2")
                    .row("", "", "", "Đơn vị tính: %")
                    .row("", "Tháng 11 năm 2021 so với tháng trước", "Tháng 11 năm 2021 so với cùng kỳ năm trước",
                            "11 tháng năm 2021 so với cùng kỳ năm trước")
                    .row("TOÀN NGÀNH CÔNG NGHIỆP", "#105.5", "#105.6", "#103.6")
                    .row("Khai khoáng", "#108.0", "#102.2", "#94.0")
                    .row("Công nghiệp chế biến, chế tạo", "#105.9", "#106.4", "#104.8")
                    .row("Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí", "..",
                            "#102.2", "#103.8")
                    .row("Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải", "..", "#101.2", "#103.0")
                    .row("Ghi chú: số liệu ước tính. Ngày công bố: 29/11/2021");
            return w.bytes();
        }
    }

    /** GSO's monthly table: two-row merged header, Excel numbers, a products sheet, a notes sheet, an empty sheet. */
    public static byte[] gsoNovember2021() throws IOException {
        try (WorkbookWriter w = new WorkbookWriter()) {
            w.sheet("Biểu 1 - IIP")
                    .row("TỔNG CỤC THỐNG KÊ")
                    .row("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG 11 NĂM 2021").merge("A2:D2")
                    .row("", "", "", "Đơn vị tính: %")
                    .row("", "Tháng 11 năm 2021 so với", "", "11 tháng năm 2021 so với cùng kỳ năm trước")
                    .merge("B4:C4").merge("D4:D5").merge("A4:A5")
                    .row("", "Tháng trước", "Cùng kỳ năm trước")
                    .row("TOÀN NGÀNH CÔNG NGHIỆP", "#105.5", "#105.6", "#103.6")
                    .row("Khai khoáng", "#108.0", "#102.2", "#94.0")
                    .row("Công nghiệp chế biến, chế tạo", "#105.9", "#106.4", "#104.8")
                    .row("Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí", "",
                            "#102.2", "#103.8")
                    .row("Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải", "", "#101.2", "#103.0")
                    .blank()
                    .row("Ghi chú: Số liệu tháng 11 năm 2021 là số ước tính.")
                    .row("Ngày công bố: 29/11/2021");
            w.sheet("Biểu 2 - Sản phẩm")
                    .row("MỘT SỐ SẢN PHẨM CÔNG NGHIỆP CHỦ YẾU THÁNG 11 NĂM 2021")
                    .row("(Số liệu minh hoạ để kiểm thử bộ đọc, không phải số liệu công bố)")
                    .row("", "Đơn vị tính", "Thực hiện tháng 10 năm 2021", "Ước tính tháng 11 năm 2021",
                            "Cộng dồn 11 tháng năm 2021", "Tháng 11 năm 2021 so với cùng kỳ năm trước (%)",
                            "11 tháng năm 2021 so với cùng kỳ năm trước (%)")
                    .row("Điện sản xuất", "Triệu kWh", "#20150.3", "#20480.7", "#223980.1", "#104.1", "#103.9")
                    .row("Thép cán", "Nghìn tấn", "#900.5", "#935.2", "#9850.4", "#101.5", "#106.8")
                    .row("Xi măng", "Triệu tấn", "#10.2", "=ROUND(C6+0.4,1)", "#96.3", "#92.1", "#97.4");
            w.sheet("Ghi chú").row("Biểu 1: chỉ số sản xuất công nghiệp; Biểu 2: sản phẩm chủ yếu.");
            w.sheet("Sheet3");
            return w.evaluateFormulas().bytes();
        }
    }

    /** A provincial office's table: code column, column numbering row, values as text with decimal comma. */
    public static byte[] dongNaiNovember2020() throws IOException {
        try (WorkbookWriter w = new WorkbookWriter()) {
            w.sheet("IIP T11")
                    .row("CỤC THỐNG KÊ TỈNH ĐỒNG NAI")
                    .row("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP TỈNH ĐỒNG NAI THÁNG 11 NĂM 2020")
                    .row("Đơn vị tính: %")
                    .row("Mã ngành", "Ngành công nghiệp", "Tháng 11 năm 2020 so với tháng trước (%)")
                    .row("A", "B", "1")
                    .row("", "Toàn ngành công nghiệp", "101,84")
                    .row("B", "Khai khoáng", "102,11")
                    .row("C", "Công nghiệp chế biến, chế tạo", "101,83")
                    .row("D", "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí", "101,90")
                    .row("E", "Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải", "102,44")
                    .row("Nguồn: Cục Thống kê tỉnh Đồng Nai");
            return w.bytes();
        }
    }

    /** MOIT's provincial list: provinces with prefixes, one comparison, a dated line without a label. */
    public static byte[] moitProvincesAugust2021() throws IOException {
        try (WorkbookWriter w = new WorkbookWriter()) {
            w.sheet("Địa phương")
                    .row("BỘ CÔNG THƯƠNG")
                    .row("CHỈ SỐ SẢN XUẤT CÔNG NGHIỆP THÁNG 8 NĂM 2021 CỦA MỘT SỐ ĐỊA PHƯƠNG")
                    .row("Hà Nội, ngày 06 tháng 9 năm 2021")
                    .row("Tỉnh, thành phố", "Tháng 8 năm 2021 so với cùng kỳ năm trước (%)")
                    .row("Tỉnh Bến Tre", "#39.9")
                    .row("Tỉnh Đồng Tháp", "#40.9")
                    .row("TP. Hồ Chí Minh", "#50.8")
                    .row("Vĩnh Long", "#58.5")
                    .row("Tây Ninh", "#63.1")
                    .row("Sóc Trăng", "#68.6")
                    .row("Hậu Giang", "#70.5")
                    .row("Khánh Hoà", "#71.4")
                    .row("Tiền Giang", "#73.0")
                    .row("TP. Cần Thơ", "#74.1")
                    .row("Kiên Giang", "#74.4")
                    .row("Long An", "#79.1")
                    .row("TP. Đà Nẵng", "#82.9")
                    .row("An Giang", "#84.5")
                    .row("Quảng Nam", "#84.5")
                    .row("Đồng Nai", "#86.7")
                    .row("Bình Dương", "#87.4")
                    .row("TP. Hà Nội", "#93.6")
                    .row("Bà Rịa - Vũng Tàu", "#96.3");
            return w.bytes();
        }
    }
}
