package cn.zwgk.assistant.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Limits on what one uploaded or imported document may cost to read, checked before the parsers
 * (POI, PDFBox) see it: the file's size, a .docx's real uncompressed size, entry count and
 * compression ratio (a zip bomb is refused after reading at most the limit), a PDF's page count.
 * Every refusal is an {@link IllegalArgumentException} that says which limit and by how much.
 */
final class DocumentLimits {

    /** Largest file accepted, in bytes. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** Most bytes a .docx may inflate to (all its parts together). */
    static final long MAX_DOCX_UNCOMPRESSED = 64L * 1024 * 1024;
    /** Most parts in a .docx. */
    static final int MAX_DOCX_ENTRIES = 2000;
    /** Highest uncompressed / compressed ratio of a .docx (ordinary Word files stay under 20). */
    static final int MAX_DOCX_RATIO = 100;
    /** Most pages in a PDF. */
    static final int MAX_PDF_PAGES = 500;
    /** Longest text kept from one document, in characters. */
    static final int MAX_TEXT_CHARS = 2_000_000;

    private DocumentLimits() {
    }

    static void checkSize(String name, byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(name + " is " + mib(content.length) + ", over the limit of "
                    + mib(MAX_FILE_BYTES) + " per document");
        }
    }

    /** Inflates every part of the archive into nothing, counting, and stops at the first limit passed. */
    static void checkDocx(String name, byte[] content) throws IOException {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_DOCX_ENTRIES) {
                    throw new IllegalArgumentException(name + " has more than " + MAX_DOCX_ENTRIES
                            + " parts; it is not an ordinary Word document");
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_DOCX_UNCOMPRESSED) {
                        throw new IllegalArgumentException(name + " unpacks to more than " + mib(MAX_DOCX_UNCOMPRESSED)
                                + " (a compressed-file bomb?); refused");
                    }
                }
            }
        }
        if (entries == 0) {
            throw new IllegalArgumentException(name + " is not a Word (.docx) file: it is not a zip archive");
        }
        if (total > 1024 * 1024 && total / Math.max(1, content.length) > MAX_DOCX_RATIO) {
            throw new IllegalArgumentException(name + " unpacks to " + total / content.length
                    + " times its size (limit " + MAX_DOCX_RATIO + "); refused as a compressed-file bomb");
        }
    }

    static void checkPages(String name, int pages) {
        if (pages > MAX_PDF_PAGES) {
            throw new IllegalArgumentException(name + " has " + pages + " pages, over the limit of " + MAX_PDF_PAGES
                    + "; split it into parts");
        }
    }

    static String capText(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
