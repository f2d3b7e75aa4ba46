package cn.zwgk.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

    static final String SCRAPED = """
            收藏 分享(赏)

            某街道便民服务公开办法.doc

            上传人:ab****c 文档编号:123456 上传时间:2024-01-02 格式:DOC 页数:3 大小:12KB
            下载 相关 举报
            某街道便民服务公开办法.doc_第1页
            第1页 / 共3页
            某街道便民服务公开办法
            一、公开内容
            街道便民服务中心的办事指南、收费标准和办理时限应当在服务大厅公示。
            展开阅读全文
            - 上一篇:另一篇文章
            - 下一篇:再一篇文章
            copyright@ 2008-2024 example.com网站版权所有
            经营许可证编号:浙ICP备00000000号-1
            """;

    static final String HEADER_PAGE = """
            | 无障碍浏览 | 打开适老化模式
            x
            索引号 11223344-5-/2024-0101001 发布机构 某县数据局
            公开目录 通知公告 发布日期 2024-01-05
            文号 某数发〔2024〕1号 浏览量
            主题词 数据 开放
            某县数据局关于公共数据开放的通知

            一、开放范围
            交通、气象等公共数据按目录向社会开放。
            """;

    @Test
    void plainTextLosesPageJunkButKeepsTheText() {
        ParsedDocument doc = DocumentParser.parse("scraped.txt", SCRAPED.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.body()).contains("街道便民服务中心的办事指南、收费标准和办理时限应当在服务大厅公示。")
                .contains("一、公开内容")
                .doesNotContain("收藏", "第1页", "上传人", "文档编号", "展开阅读全文", "上一篇", "下一篇", "版权所有",
                        "ICP备", "举报");
        assertThat(doc.metadata().title()).isEqualTo("某街道便民服务公开办法");
    }

    @Test
    void headerBlockBecomesMetadata() {
        ParsedDocument doc = DocumentParser.parse("page.txt", HEADER_PAGE.getBytes(StandardCharsets.UTF_8));
        DocumentMetadata m = doc.metadata();
        assertThat(m.indexNo()).isEqualTo("11223344-5-/2024-0101001");
        assertThat(m.issuer()).isEqualTo("某县数据局");
        assertThat(m.catalog()).isEqualTo("通知公告");
        assertThat(m.publishedOn()).isEqualTo("2024-01-05");
        assertThat(m.docNumber()).isEqualTo("某数发〔2024〕1号");
        assertThat(m.subjectTerms()).isEqualTo("数据 开放");
        assertThat(m.title()).isEqualTo("某县数据局关于公共数据开放的通知");
        assertThat(doc.body()).startsWith("一、开放范围").doesNotContain("无障碍", "索引号", "浏览量");
    }

    @Test
    void colonSeparatedHeaderWithToolbar() {
        String page = "某区政务公开实施方案\n索引号:0000-X/2019-001  来源:某区政府  发表时间:2019-02-21 16:28:52  字号: 【 大 中 小 】 【打印】 【保存】\n\n正文第一段。\n";
        ParsedDocument doc = DocumentParser.parse("p.txt", page.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.metadata().origin()).isEqualTo("某区政府");
        assertThat(doc.metadata().publishedOn()).isEqualTo("2019-02-21");
        assertThat(doc.metadata().title()).isEqualTo("某区政务公开实施方案");
        assertThat(doc.body()).isEqualTo("正文第一段。");
    }

    @Test
    void htmlPageWithMetadataTable() {
        String html = """
                <html><head><title>站点 - 通知</title><script>var x=1;</script></head><body>
                <div class="nav">首页 &gt; 通知</div>
                <table><tr><td>索引号：</td><td>A-2024-7</td><td>发布机构：</td><td>某市政务公开办</td></tr>
                <tr><td>发布日期：</td><td>2024年3月8日</td><td>文号：</td><td>某公开〔2024〕2号</td></tr></table>
                <h1>关于规范依申请公开答复的通知</h1>
                <p>一、答复期限</p><p>不能当场答复的，在规定期限内书面答复。</p>
                <p>上一篇：无关的文章</p></body></html>""";
        ParsedDocument doc = DocumentParser.parse("notice.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.metadata().title()).isEqualTo("关于规范依申请公开答复的通知");
        assertThat(doc.metadata().issuer()).isEqualTo("某市政务公开办");
        assertThat(doc.metadata().publishedOn()).isEqualTo("2024-03-08");
        assertThat(doc.metadata().docNumber()).isEqualTo("某公开〔2024〕2号");
        assertThat(doc.body()).contains("不能当场答复的，在规定期限内书面答复。").doesNotContain("var x", "上一篇");
    }

    @Test
    void wordDocument() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("某镇村务公开细则");
            doc.createParagraph().createRun().setText("第一条 村务公开栏每季度更新一次。");
            doc.createParagraph().createRun().setText("第二条 财务收支逐笔公开。");
            doc.write(out);
        }
        ParsedDocument doc = DocumentParser.parse("rules.docx", out.toByteArray());
        assertThat(doc.metadata().title()).isEqualTo("某镇村务公开细则");
        assertThat(doc.body()).contains("第一条 村务公开栏每季度更新一次。").contains("第二条 财务收支逐笔公开。");
        assertThat(Chunker.chunk(doc.body())).extracting(Chunker.Piece::section).contains("第二条 财务收支逐笔公开");
    }

    @Test
    void pdfDocument() throws IOException {
        Path cjkFont = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean chinese = Files.isRegularFile(cjkFont);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDFont font = chinese
                    ? PDType0Font.load(doc, new TrueTypeCollection(cjkFont.toFile()).getFontByName("WenQuanYiMicroHei"), true)
                    : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(font, 12);
                s.newLineAtOffset(50, 700);
                s.showText(chinese ? "档案查阅服务规定" : "Archive reading rules");
                s.newLineAtOffset(0, -20);
                s.showText(chinese ? "一、查阅档案应当出示有效身份证件。" : "1. Readers show a valid identity card.");
                s.endText();
            }
            doc.save(out);
        }
        ParsedDocument doc = DocumentParser.parse("rules.pdf", out.toByteArray());
        assertThat(doc.metadata().title()).isEqualTo(chinese ? "档案查阅服务规定" : "Archive reading rules");
        assertThat(doc.body()).contains(chinese ? "查阅档案应当出示有效身份证件。" : "Readers show a valid identity card.");
    }

    @Test
    void gb18030TextIsDecoded() {
        byte[] gbk = "某县公开指南\n内容正文。".getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertThat(DocumentParser.parse("gbk.txt", gbk).body()).isEqualTo("内容正文。");
    }
}
