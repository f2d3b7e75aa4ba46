package cn.zwgk.assistant.disclosure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The files staff may attach to a reply, each recognised by its content, not only its name.
 * PDF and OFD (GB/T 33190, the national format for official electronic documents) carry the 答复书
 * and the documents disclosed; DOCX and XLSX carry text and tables the applicant asked for in an
 * editable form; JPEG and PNG carry scans and photos. Not accepted: old .doc/.xls (OLE containers,
 * macros), macro-enabled Office files (a {@code vbaProject.bin} inside), archives such as .zip or .rar
 * (they cannot be checked and may carry programs; attach the files themselves instead), programs, and
 * HTML or SVG (active content once opened in a browser).
 */
enum FileType {

    PDF("application/pdf", List.of("pdf"), b -> startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))),
    OFD("application/ofd", List.of("ofd"), b -> ZipNames.of(b).contains("OFD.xml")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"),
            b -> office(b, "word/document.xml")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
            b -> office(b, "xl/workbook.xml")),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), b -> startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})),
    PNG("image/png", List.of("png"), b -> startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}));

    private final String contentType;
    private final List<String> extensions;
    private final Predicate<byte[]> content;

    FileType(String contentType, List<String> extensions, Predicate<byte[]> content) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.content = content;
    }

    String contentType() {
        return contentType;
    }

    boolean matches(byte[] bytes) {
        return content.test(bytes);
    }

    static Optional<FileType> byExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(e)).findFirst();
    }

    static List<String> extensions() {
        return Arrays.stream(values()).flatMap(t -> t.extensions.stream()).toList();
    }

    /** What the content looks like, for the message that refuses it. */
    static String describe(byte[] b) {
        if (startsWith(b, new byte[] {'M', 'Z'})) {
            return "a Windows program";
        }
        if (startsWith(b, new byte[] {0x7F, 'E', 'L', 'F'})) {
            return "a Linux program";
        }
        if (startsWith(b, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            return "an old Office (.doc/.xls) file; save it as .docx/.xlsx or PDF";
        }
        if (ZipNames.of(b).stream().anyMatch(n -> n.endsWith("vbaProject.bin"))) {
            return "an Office file with macros, which is not accepted";
        }
        for (FileType t : values()) {
            if (t.matches(b)) {
                return "a ." + t.extensions.get(0) + " file";
            }
        }
        if (startsWith(b, new byte[] {'P', 'K'})) {
            return "a ZIP archive";
        }
        return "none of " + extensions();
    }

    private static boolean office(byte[] b, String mainPart) {
        List<String> names = ZipNames.of(b);
        return names.contains("[Content_Types].xml") && names.contains(mainPart)
                && names.stream().noneMatch(n -> n.endsWith("vbaProject.bin"));
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }
}
