package vn.iip.conform;

import java.text.Normalizer;
import java.util.Locale;

/** Canonical forms of Vietnamese text: display form (NFC, Đ not Ð) and match keys (no tone marks, no punctuation). */
public final class VietnameseText {
    private VietnameseText() {}

    /** NFC, U+00D0 (Ð, seen in PX exports) to U+0110 (Đ), all space runs (incl. no-break) folded to one space. */
    public static String display(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\u00D0', '\u0110')
                .replace('\u00F0', '\u0111')
                .replace('\uFEFF', ' ');
        return nfc.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").trim();
    }

    /** Lower case, tone marks and đ folded to ASCII, words kept apart by single spaces: "Thành phố Huế" → "thanh pho hue". */
    public static String words(String text) {
        if (text == null) {
            return "";
        }
        String lower = display(text).toLowerCase(Locale.ROOT).replace('\u0111', 'd');
        String stripped = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.replaceAll("[^a-z0-9]+", " ").trim();
    }

    /** A match key: {@link #words} without spaces, so "Hoà Bình", "Hòa Bình" and "Hoa-Binh" all give "hoabinh". */
    public static String key(String text) {
        return words(text).replace(" ", "");
    }

    /** Edit distance, for "did you mean" suggestions. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
