package cn.zwgk.assistant.disclosure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry names of a ZIP file (OOXML and OFD are ZIP containers), read from its central directory
 * without decompressing anything, so a compression bomb costs nothing to inspect.
 */
final class ZipNames {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;

    private ZipNames() {
    }

    /** The names, or an empty list when {@code b} is not a well-formed (non-ZIP64) ZIP file. */
    static List<String> of(byte[] b) {
        if (b.length < 22 || le32(b, 0) != LOCAL_HEADER) {
            return List.of();
        }
        int lowest = Math.max(0, b.length - 22 - 0xFFFF);
        for (int end = b.length - 22; end >= lowest; end--) {
            if (le32(b, end) == END_OF_DIRECTORY) {
                return directory(b, end);
            }
        }
        return List.of();
    }

    private static List<String> directory(byte[] b, int end) {
        int count = le16(b, end + 10);
        long size = le32(b, end + 12) & 0xFFFFFFFFL;
        long offset = le32(b, end + 16) & 0xFFFFFFFFL;
        if (offset + size > end) {
            return List.of();
        }
        List<String> names = new ArrayList<>(count);
        int p = (int) offset;
        for (int i = 0; i < count; i++) {
            if (p + 46 > end || le32(b, p) != CENTRAL_HEADER) {
                return List.of();
            }
            int nameLength = le16(b, p + 28);
            if (p + 46 + nameLength > end) {
                return List.of();
            }
            names.add(new String(b, p + 46, nameLength, StandardCharsets.UTF_8));
            p += 46 + nameLength + le16(b, p + 30) + le16(b, p + 32);
        }
        return names;
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int le32(byte[] b, int i) {
        return le16(b, i) | le16(b, i + 2) << 16;
    }
}
