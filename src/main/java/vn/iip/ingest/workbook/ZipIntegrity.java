package vn.iip.ingest.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import vn.iip.conform.Rules;

/**
 * An .xlsx is a zip archive. POI opens one that lost its end (the directory of its parts) by reading the parts it
 * still finds, and never checks the parts' CRC-32: a truncated or corrupted workbook would then be read as a smaller
 * or different one. So the archive is checked first: its directory must be there, every part must inflate to its
 * checksum, and no part may inflate far beyond its size (a zip bomb, refused before POI's own guard).
 */
final class ZipIntegrity {
    private ZipIntegrity() {}

    /** What is wrong with the archive, or null. */
    record Damage(String rule, String reason) {}

    private static final int END_OF_DIRECTORY = 0x06054b50;
    /** Real spreadsheets' XML parts compress 5–20 times; POI refuses beyond 100 times. */
    static final int MAX_EXPANSION = 100;

    static Damage check(byte[] content) {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) {
            return null; // not a zip: an .xls (OLE2) or not a workbook at all; POI says which
        }
        if (!hasEndOfDirectory(content)) {
            return new Damage(Rules.FILE_UNSUPPORTED, "the workbook is incomplete: the end of its zip archive (the"
                    + " directory of its parts) is missing, so it was cut short; copy or download it again");
        }
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                long inflated = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    inflated += n;
                    if (inflated > (long) MAX_EXPANSION * content.length) {
                        return new Damage(Rules.FILE_ZIP_BOMB, "the workbook is not opened: its part '"
                                + entry.getName() + "' would expand more than " + MAX_EXPANSION + " times the"
                                + " file's size when unzipped, which real spreadsheets never do (a zip bomb);"
                                + " export the table again from Excel, or as CSV");
                    }
                }
            }
        } catch (IOException e) {
            return new Damage(Rules.FILE_UNSUPPORTED, "the workbook is damaged: " + firstLine(e.getMessage())
                    + " (a part of its zip archive fails its checksum or cannot be inflated); copy or download it"
                    + " again, or re-save it from Excel");
        }
        return null;
    }

    private static boolean hasEndOfDirectory(byte[] content) {
        int earliest = Math.max(0, content.length - 22 - 0xFFFF);
        for (int at = content.length - 22; at >= earliest; at--) {
            if ((content[at] & 0xFF | (content[at + 1] & 0xFF) << 8 | (content[at + 2] & 0xFF) << 16
                    | (content[at + 3] & 0xFF) << 24) == END_OF_DIRECTORY) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
