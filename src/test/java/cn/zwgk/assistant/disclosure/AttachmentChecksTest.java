package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class AttachmentChecksTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXE = concat(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, new byte[200]);
    static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, new byte[40]);
    static final byte[] JPEG = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, new byte[40]);

    @Test
    void keepsChineseNamesAndTidiesHarmlessOddities() {
        assertThat(AttachmentChecks.sanitiseName("关于2025年老旧小区改造资金的答复书.pdf"))
                .isEqualTo("关于2025年老旧小区改造资金的答复书.pdf");
        assertThat(AttachmentChecks.sanitiseName("  扫描件（第1页）.JPG ")).isEqualTo("扫描件（第1页）.jpg");
        assertThat(AttachmentChecks.sanitiseName("答复:第1号?<草稿>.pdf")).isEqualTo("答复_第1号__草稿_.pdf");
        assertThat(AttachmentChecks.sanitiseName("...隐藏.pdf")).isEqualTo("隐藏.pdf");
        assertThat(AttachmentChecks.sanitiseName("清单.xlsx.")).isEqualTo("清单.xlsx");
        // zero-width and right-to-left override characters are dropped: the extension shown is the real one
        assertThat(AttachmentChecks.sanitiseName("报告\u200B\u202Efdp.exe")).isEqualTo("报告fdp.exe");
        String longName = "很长".repeat(80) + ".docx";
        String kept = AttachmentChecks.sanitiseName(longName);
        assertThat(kept).endsWith(".docx").startsWith("很长很长");
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(AttachmentChecks.MAX_NAME_LENGTH);
    }

    @Test
    void refusesPathsControlCharactersAndNamesWithoutNameOrExtension() {
        for (String bad : new String[] {"../../etc/passwd.pdf", "..\\..\\boot.ini.pdf", "C:\\Users\\王\\答复.pdf",
                "/etc/passwd.pdf", "dir/答复.pdf"}) {
            assertThatThrownBy(() -> AttachmentChecks.sanitiseName(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
        }
        assertThatThrownBy(() -> AttachmentChecks.sanitiseName("答复\u0000.pdf")).hasMessageContaining("control");
        assertThatThrownBy(() -> AttachmentChecks.sanitiseName("答复\n.pdf")).hasMessageContaining("control");
        for (String bad : new String[] {"..", ".pdf", "  .  ", "答复书", " ", ""}) {
            assertThatThrownBy(() -> AttachmentChecks.sanitiseName(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> AttachmentChecks.sanitiseName(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsFilesWhoseContentMatchesTheirExtension() throws IOException {
        assertThat(AttachmentChecks.check("答复书.pdf", PDF)).isEqualTo(FileType.PDF);
        assertThat(AttachmentChecks.check("照片.png", PNG)).isEqualTo(FileType.PNG);
        assertThat(AttachmentChecks.check("扫描.jpeg", JPEG)).isEqualTo(FileType.JPEG);
        assertThat(AttachmentChecks.check("说明.docx", docx())).isEqualTo(FileType.DOCX);
        assertThat(AttachmentChecks.check("清单.xlsx", zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo(FileType.XLSX);
        assertThat(AttachmentChecks.check("公文.ofd", zip("OFD.xml", "Doc_0/Document.xml"))).isEqualTo(FileType.OFD);
    }

    @Test
    void refusesContentThatIsNotWhatItsExtensionSays() throws IOException {
        assertThatThrownBy(() -> AttachmentChecks.check("答复书.pdf", EXE)).hasMessageContaining("not a .pdf file")
                .hasMessageContaining("Windows program");
        assertThatThrownBy(() -> AttachmentChecks.check("照片.jpg", PNG)).hasMessageContaining("a .png file");
        assertThatThrownBy(() -> AttachmentChecks.check("说明.docx", zip("[Content_Types].xml", "xl/workbook.xml")))
                .hasMessageContaining("a .xlsx file");
        assertThatThrownBy(() -> AttachmentChecks.check("说明.docx",
                zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"))).hasMessageContaining("macros");
        assertThatThrownBy(() -> AttachmentChecks.check("说明.docx", zip("evil.exe"))).hasMessageContaining("ZIP archive");
        assertThatThrownBy(() -> AttachmentChecks.check("说明.docx", "PK\u0003\u0004 truncated".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("not a .docx");
        assertThatThrownBy(() -> AttachmentChecks.check("空.pdf", new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void refusesTypesThatAreNotAccepted() throws IOException {
        for (String name : new String[] {"setup.exe", "资料.zip", "旧表.xls", "页面.html", "图.svg", "宏.docm"}) {
            assertThatThrownBy(() -> AttachmentChecks.check(name, PDF)).as(name).hasMessageContaining("not accepted");
        }
        assertThatThrownBy(() -> AttachmentChecks.check("资料.zip", docx())).hasMessageContaining("not accepted");
    }

    @Test
    void downloadNamesAreEncodedForContentDisposition() {
        assertThat(AttachmentResponses.encode("答复 书(1).pdf")).isEqualTo("%E7%AD%94%E5%A4%8D%20%E4%B9%A6%281%29.pdf");
        assertThat(AttachmentResponses.encode("a\"b;c.pdf")).isEqualTo("a%22b%3Bc.pdf");
    }

    static byte[] docx() throws IOException {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    }

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("<content of " + name + "/>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.setComment("test file");
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
