package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Files that would cost too much to read are refused before the parsers run, with a reason. */
class DocumentLimitsTest {

    @Test
    void aFileOverTheSizeLimitIsRefusedWithItsSize() {
        byte[] big = new byte[(int) DocumentLimits.MAX_FILE_BYTES + 1];
        assertThatThrownBy(() -> DocumentParser.parse("big.txt", big))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("big.txt").hasMessageContaining("20.0 MB");
    }

    @Test
    void aDocxThatUnpacksPastTheLimitIsRefusedAsABomb() throws IOException {
        // 80 MB of zeros deflate to about 80 KB
        byte[] bomb = zip("word/document.xml", 80 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> DocumentParser.parse("bomb.docx", bomb))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bomb.docx").hasMessageContaining("bomb");
    }

    @Test
    void aDocxWithAnAbsurdCompressionRatioIsRefused() throws IOException {
        byte[] dense = zip("word/document.xml", 8 * 1024 * 1024);
        assertThatThrownBy(() -> DocumentParser.parse("dense.docx", dense))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times its size");
    }

    @Test
    void aCorruptDocxIsRefusedWithItsName() {
        byte[] junk = "this is not a zip archive at all".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DocumentParser.parse("junk.docx", junk))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk.docx");
    }

    @Test
    void anOrdinaryDocxPassesTheChecks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("第一条 村务公开栏每季度更新一次。");
            doc.write(out);
        }
        assertThat(DocumentParser.parse("ok.docx", out.toByteArray()).body()).contains("村务公开栏");
    }

    @Test
    void aPdfWithTooManyPagesIsRefusedWithItsPageCount() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i <= DocumentLimits.MAX_PDF_PAGES; i++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
        }
        assertThatThrownBy(() -> DocumentParser.parse("long.pdf", out.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("long.pdf has " + (DocumentLimits.MAX_PDF_PAGES + 1) + " pages");
    }

    @Test
    void overlongTextIsCut() {
        String text = "第一条 示例。\n" + "很".repeat(DocumentLimits.MAX_TEXT_CHARS + 10);
        assertThat(DocumentParser.parse("long.txt", text.getBytes(StandardCharsets.UTF_8)).body().length())
                .isLessThanOrEqualTo(DocumentLimits.MAX_TEXT_CHARS);
    }

    private static byte[] zip(String entry, int zeros) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(entry));
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < zeros / block.length; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
