package cn.zwgk.assistant.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Extracts text from plain text, HTML, Word (.docx) and PDF files and cleans it. */
final class DocumentParser {

    private DocumentParser() {
    }

    static ParsedDocument parse(String fileName, byte[] content) {
        String name = fileName == null ? "document.txt" : fileName;
        String lower = name.toLowerCase(Locale.ROOT);
        DocumentLimits.checkSize(name, content);
        try {
            if (lower.endsWith(".docx")) {
                DocumentLimits.checkDocx(name, content);
                return TextCleaner.clean(name, DocumentLimits.capText(docx(content)), null);
            }
            if (lower.endsWith(".pdf")) {
                return TextCleaner.clean(name, DocumentLimits.capText(pdf(name, content)), null);
            }
            String text = DocumentLimits.capText(decode(content));
            if (lower.endsWith(".html") || lower.endsWith(".htm") || looksLikeHtml(text)) {
                return html(name, text);
            }
            return TextCleaner.clean(name, text, null);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    static boolean supported(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).matches(".*\\.(txt|text|md|html?|docx|pdf)$");
    }

    private static String docx(byte[] content) throws IOException {
        StringBuilder out = new StringBuilder();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    out.append(p.getText()).append('\n');
                } else if (element instanceof XWPFTable t) {
                    t.getRows().forEach(row -> {
                        row.getTableCells().forEach(cell -> out.append(cell.getText().strip()).append(' '));
                        out.append('\n');
                    });
                }
            }
        }
        return out.toString();
    }

    private static String pdf(String name, byte[] content) throws IOException {
        try (PDDocument doc = Loader.loadPDF(content)) {
            DocumentLimits.checkPages(name, doc.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return joinWrappedLines(stripper.getText(doc));
        }
    }

    /** PDF text breaks lines at the page width; join a line to the next unless it ends a sentence. */
    static String joinWrappedLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r", "").split("\n")) {
            String t = line.strip();
            if (t.isEmpty()) {
                out.append('\n');
                continue;
            }
            out.append(t);
            boolean ends = t.matches(".*[。！？；：:!?;]$") || t.length() < 25
                    || t.matches("^[（(]?[一二三四五六七八九十\\d]+[、.．)）].{0,30}$");
            out.append(ends ? "\n" : "");
        }
        return out.toString();
    }

    private static ParsedDocument html(String name, String text) {
        Document doc = Jsoup.parse(text);
        doc.select("script, style, nav, header, footer, iframe, noscript, form, .share, .print").remove();
        Element h1 = doc.selectFirst("h1");
        String title = h1 != null && !h1.text().isBlank() ? h1.text() : doc.title();
        if (h1 != null) {
            h1.remove();
        }
        for (Element block : doc.select("p, div, br, li, tr, h2, h3, h4, h5, h6, table, section, article")) {
            block.prepend("\n");
            block.append("\n");
        }
        for (Element cell : doc.select("td, th, span.label")) {
            cell.append(" ");
        }
        String body = doc.body() == null ? doc.text() : doc.body().wholeText();
        return TextCleaner.clean(name, body.replaceAll("[ \\t\\u00a0]{2,}", "  ").replaceAll("\n\\s*\n+", "\n"),
                title == null || title.isBlank() ? null : title);
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(2000, text.length())).toLowerCase(Locale.ROOT);
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<body");
    }

    /** UTF-8 when it decodes cleanly, otherwise GB18030 (older government sites). */
    static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GB18030"));
        }
    }
}
