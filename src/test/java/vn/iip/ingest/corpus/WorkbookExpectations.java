package vn.iip.ingest.corpus;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import vn.iip.conform.Rules;

/**
 * Workbooks (.xlsx) are zip archives, and a careful reader trusts one only whole: its central directory at the end
 * lists every part, and every part must inflate to bytes matching its CRC-32. So a truncated workbook (the central
 * directory is cut off, and with it the list of parts) is rejected, and so is one whose flipped byte falls in a
 * part's data (unless the part still inflates to the very same bytes) or in a field the archive's consistency
 * rests on (signatures, sizes, CRCs, names, offsets, flags, method). Only a flip in a field nothing checks — a
 * timestamp, a version, the file attributes — leaves the workbook as it was. This is derived from the original's
 * zip structure, which is parsed here.
 */
final class WorkbookExpectations {
    private WorkbookExpectations() {}

    /** Header fields no reader cross-checks: a flip there changes nothing a workbook is read by. */
    private static final Set<String> UNCHECKED = Set.of("time", "date", "version needed", "version made by",
            "internal attributes", "external attributes");

    private record Part(int from, int to, String name, String kind) {}

    static Expected of(byte[] content, Original original) {
        List<Part> parts = parts(original.bytes());
        if (content.length < original.bytes().length) {
            return Expected.rejected(Rules.FILE_UNSUPPORTED, "cut at byte " + content.length + " of "
                    + original.bytes().length + ", in " + describe(at(parts, content.length), content.length)
                    + ": the central directory, which lists the parts, is gone");
        }
        List<String> harmful = new ArrayList<>();
        List<String> harmless = new ArrayList<>();
        for (int i = 0; i < content.length; i++) {
            if (content[i] == original.bytes()[i]) {
                continue;
            }
            Part part = at(parts, i);
            String where = "byte " + i + " in " + describe(part, i);
            if (part.kind().equals("data")) {
                byte[] was = inflate(original.bytes(), part);
                byte[] now = inflate(content, part);
                if (now == null) {
                    harmful.add(where + ": no longer inflates");
                } else if (!Arrays.equals(was, now)) {
                    if (crc(was) == crc(now)) {
                        throw new IllegalStateException("not derivable: " + where + " inflates to other bytes with"
                                + " the same CRC-32, which no reader can tell from the original");
                    }
                    harmful.add(where + ": inflates to other bytes than its CRC-32 vouches for");
                } else {
                    harmless.add(where + ": inflates to the same bytes");
                }
            } else if (UNCHECKED.contains(field(part, i - part.from()))) {
                harmless.add(where);
            } else {
                harmful.add(where);
            }
        }
        if (!harmful.isEmpty()) {
            return Expected.rejected(Rules.FILE_UNSUPPORTED, "the archive is damaged: " + String.join("; ", harmful));
        }
        return Expected.read(original).because("only unchecked bytes changed: " + String.join("; ", harmless));
    }

    private static Part at(List<Part> parts, int offset) {
        return parts.stream().filter(p -> offset >= p.from() && offset < p.to()).findFirst()
                .orElseThrow(() -> new IllegalStateException("byte " + offset + " is in no part of the archive"));
    }

    private static String describe(Part part, int offset) {
        return part.kind() + (part.name() == null ? "" : " of " + part.name())
                + (part.kind().equals("data") ? "" : " (" + field(part, offset - part.from()) + ")");
    }

    /** Local headers, data, data descriptors and central directory entries of every part, and the end record. */
    private static List<Part> parts(byte[] zip) {
        int end = zip.length - 22;
        while (u32(zip, end) != 0x06054b50L) {
            end--;
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(end, zip.length, null, "end of central directory"));
        int entry = (int) u32(zip, end + 16);
        for (int n = u16(zip, end + 10); n > 0; n--) {
            int nameLength = u16(zip, entry + 28);
            int entryLength = 46 + nameLength + u16(zip, entry + 30) + u16(zip, entry + 32);
            String name = new String(zip, entry + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            parts.add(new Part(entry, entry + entryLength, name, "central directory entry"));
            int local = (int) u32(zip, entry + 42);
            int data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
            int dataEnd = data + (int) u32(zip, entry + 20);
            parts.add(new Part(local, data, name, "local header"));
            parts.add(new Part(data, dataEnd, name, "data"));
            if ((u16(zip, local + 6) & 8) != 0) {
                parts.add(new Part(dataEnd, dataEnd + (u32(zip, dataEnd) == 0x08074b50L ? 16 : 12), name,
                        "data descriptor"));
            }
            entry += entryLength;
        }
        parts.sort(Comparator.comparingInt(Part::from));
        return parts;
    }

    private static final List<String> LOCAL_HEADER = layout("signature:4", "version needed:2", "flags:2",
            "method:2", "time:2", "date:2", "crc:4", "compressed size:4", "size:4", "name length:2",
            "extra length:2");
    private static final List<String> DIRECTORY_ENTRY = layout("signature:4", "version made by:2",
            "version needed:2", "flags:2", "method:2", "time:2", "date:2", "crc:4", "compressed size:4", "size:4",
            "name length:2", "extra length:2", "comment length:2", "disk:2", "internal attributes:2",
            "external attributes:4", "local header offset:4");
    private static final List<String> DATA_DESCRIPTOR = layout("signature:4", "crc:4", "compressed size:4", "size:4");

    /** The header field a byte of a part falls in ("crc", "time"…); past the fixed fields, name or extra field. */
    private static String field(Part part, int at) {
        List<String> fields = switch (part.kind()) {
            case "local header" -> LOCAL_HEADER;
            case "central directory entry" -> DIRECTORY_ENTRY;
            case "data descriptor" -> part.to() - part.from() == 16 ? DATA_DESCRIPTOR : DATA_DESCRIPTOR.subList(4, 16);
            default -> List.of();
        };
        return fields.isEmpty() ? part.kind() : at < fields.size() ? fields.get(at) : "name or extra field";
    }

    /** One field name per byte: "crc:4" is four bytes of crc. */
    private static List<String> layout(String... fields) {
        List<String> bytes = new ArrayList<>();
        for (String field : fields) {
            int colon = field.indexOf(':');
            bytes.addAll(java.util.Collections.nCopies(Integer.parseInt(field.substring(colon + 1)),
                    field.substring(0, colon)));
        }
        return List.copyOf(bytes);
    }

    private static byte[] inflate(byte[] zip, Part data) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(Arrays.copyOfRange(zip, data.from(), data.to()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xFFFFFFFFL;
    }
}
