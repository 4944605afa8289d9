package vn.iip.ingest.workbook;

import java.nio.charset.Charset;
import java.util.List;
import vn.iip.ingest.Tcvn3;

/**
 * Old office workbooks typed in the ".Vn" fonts (.VnTime, .VnArial) hold TCVN3 bytes shown as Western characters:
 * Excel stored "ChØ sè s¶n xuÊt" for "Chỉ số sản xuất". When a workbook's texts have no Vietnamese letter of Unicode
 * and read convincingly as TCVN3, every text cell is rewritten from TCVN3.
 */
final class LegacyFontText {
    private LegacyFontText() {}

    private static final Charset WESTERN = Charset.forName("windows-1252");

    /** Undoes the Ð → Đ folding cells get when read (the TCVN3 bytes 0xD0 and 0xF0 show as Ð and ð). */
    private static String western(String text) {
        return text.replace('\u0110', '\u00D0').replace('\u0111', '\u00F0');
    }

    /** The encoding recorded on extract_file: "xlsx", or "xlsx; texts in TCVN3 (…evidence…)". */
    static String recodeIfTcvn3(List<SheetGrid> grids) {
        StringBuilder all = new StringBuilder();
        grids.forEach(grid -> all.append(grid.allText()));
        String text = western(all.toString());
        boolean onlyWestern = text.chars().allMatch(c -> c < 0x100 || WESTERN.newEncoder().canEncode((char) c));
        // Letters only Unicode has (â ê ô are Western too, and are TCVN3 bytes in disguise).
        boolean unicodeVietnamese = text.chars().anyMatch(c -> c >= 0x1EA0 && c <= 0x1EF9 || "ăơưĂƠƯ"
                .indexOf(c) >= 0);
        if (!onlyWestern || unicodeVietnamese) {
            return "xlsx";
        }
        byte[] bytes = text.getBytes(WESTERN);
        if (!Tcvn3.looksLikeTcvn3(bytes, 0)) {
            return "xlsx";
        }
        Tcvn3.Evidence evidence = Tcvn3.evidence(bytes, 0);
        grids.forEach(grid -> grid.recode(cell -> Tcvn3.decode(western(cell).getBytes(WESTERN), 0)));
        return String.format("xlsx; cell texts in TCVN3, .Vn fonts (%d Vietnamese letters in %d words, %d other"
                + " high bytes)", evidence.vietnameseLetters(), evidence.words(), evidence.otherHighBytes());
    }
}
