package cn.zwgk.assistant.knowledge;

import java.util.List;

/**
 * Whether a question is about government business at all. A question the documents cannot answer
 * is offered the disclosure application only when it is; small talk and other topics get a short,
 * polite redirect instead.
 */
final class Scope {

    private static final List<String> GOVERNMENT_WORDS = List.of(
            "政府", "政务", "公开", "申请", "信息", "政策", "文件", "规定", "办法", "条例", "通知", "意见", "方案",
            "办理", "审批", "许可", "备案", "补贴", "补助", "社保", "医保", "公积金", "户籍", "户口", "税", "收费",
            "证明", "证件", "部门", "机关", "单位", "答复", "期限", "时限", "工作日", "解读", "舆情", "投诉", "举报",
            "法律", "法规", "规划", "项目", "资金", "预算", "采购", "招标", "标准", "流程", "材料", "条件", "窗口",
            "热线", "12345", "街道", "社区", "乡镇", "区县", "市民", "企业", "复议", "诉讼", "依申请", "主动公开");

    private Scope() {
    }

    /** True when the (Simplified) question names anything an office deals with. */
    static boolean aboutGovernment(String question) {
        String q = ScriptConverter.toSimplified(question == null ? "" : question);
        return GOVERNMENT_WORDS.stream().anyMatch(q::contains);
    }
}
