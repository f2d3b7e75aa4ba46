package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FieldExtractorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Draft draft(DraftField pending, ApplicantType type) {
        Draft d = new Draft("d1", "app", "user");
        if (type != null) {
            d.values.put(DraftField.TYPE, type.name());
        }
        d.pending = pending;
        return d;
    }

    @Test
    void severalFieldsInOneMessage() {
        FieldExtractor.Result r = FieldExtractor.explicit("我叫张三，电话13800138000，身份证11010519491231002x",
                draft(DraftField.NAME, ApplicantType.CITIZEN), TODAY);
        assertThat(r.values()).containsEntry(DraftField.NAME, "张三").containsEntry(DraftField.PHONE, "13800138000")
                .containsEntry(DraftField.ID, "11010519491231002X");
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void correctionsAndInvalidValues() {
        Draft d = draft(null, ApplicantType.CITIZEN);
        assertThat(FieldExtractor.explicit("电话填错了，是 139-0013-9000", d, TODAY).values())
                .containsEntry(DraftField.PHONE, "13900139000");
        assertThat(FieldExtractor.explicit("姓名改为李四", d, TODAY).values()).containsEntry(DraftField.NAME, "李四");
        assertThat(FieldExtractor.explicit("地址改为上海市黄浦区人民大道200号", d, TODAY).values())
                .containsEntry(DraftField.ADDRESS, "上海市黄浦区人民大道200号");
        assertThat(FieldExtractor.explicit("身份证号110101199003074478", d, TODAY).errors())
                .containsEntry(DraftField.ID, "id-checksum");
        assertThat(FieldExtractor.explicit("1380013800", draft(DraftField.PHONE, ApplicantType.CITIZEN), TODAY).errors())
                .containsEntry(DraftField.PHONE, "phone");
    }

    @Test
    void organisationsGiveACreditCode() {
        Draft d = draft(DraftField.CREDIT, ApplicantType.ORGANIZATION);
        assertThat(FieldExtractor.explicit("91350100m000100y43", d, TODAY).values())
                .containsEntry(DraftField.CREDIT, "91350100M000100Y43");
        assertThat(FieldExtractor.explicit("91350100M000100Y44", d, TODAY).errors())
                .containsEntry(DraftField.CREDIT, "credit-checksum");
        assertThat(FieldExtractor.explicit("法人", draft(DraftField.TYPE, null), TODAY).values())
                .containsEntry(DraftField.TYPE, "ORGANIZATION");
        assertThat(FieldExtractor.explicit("法定代表人王大明，联系人刘小红", d, TODAY).values())
                .containsEntry(DraftField.LEGAL_REP, "王大明").containsEntry(DraftField.CONTACT, "刘小红");
    }

    @Test
    void formAndDeliveryChoices() {
        Draft d = draft(DraftField.FORM, ApplicantType.CITIZEN);
        assertThat(FieldExtractor.explicit("纸质，邮寄", d, TODAY).values())
                .containsEntry(DraftField.FORM, "PAPER").containsEntry(DraftField.DELIVERY, "MAIL");
        assertThat(FieldExtractor.explicit("电子邮件发给我", d, TODAY).values())
                .containsEntry(DraftField.FORM, "ELECTRONIC").containsEntry(DraftField.DELIVERY, "EMAIL");
        assertThat(FieldExtractor.explicit("自取", draft(DraftField.DELIVERY, ApplicantType.CITIZEN), TODAY).values())
                .containsEntry(DraftField.DELIVERY, "PICKUP");
        assertThat(FieldExtractor.explicit("关于电子政务平台建设的公司合同", draft(DraftField.DESCRIPTION, ApplicantType.CITIZEN),
                TODAY).values()).as("no choices read out of a description").isEmpty();
    }

    @Test
    void descriptionsVaguenessAndCapping() {
        assertThat(FieldExtractor.descriptionIn("我想申请公开2025年本区财政预算执行情况")).contains("2025年本区财政预算执行情况");
        assertThat(FieldExtractor.vague("所有文件")).isTrue();
        assertThat(FieldExtractor.vague("相关的全部政府信息")).isTrue();
        assertThat(FieldExtractor.vague("2025年本区老旧小区改造项目资金安排文件")).isFalse();
        String emoji = "😀".repeat(FieldExtractor.MAX_DESCRIPTION + 5);
        String capped = FieldExtractor.cap(emoji);
        assertThat(capped.codePointCount(0, capped.length())).isEqualTo(FieldExtractor.MAX_DESCRIPTION);
        assertThat(capped).isEqualTo("😀".repeat(FieldExtractor.MAX_DESCRIPTION));
        assertThat(FieldExtractor.residual("张三，电话13800138000", false)).isEqualTo("张三");
        assertThat(FieldExtractor.residual("孙七 13800138000 11010519491231002X 电子 网上获取", true)).isEqualTo("孙七");
        assertThat(FieldExtractor.residual("李四，纸质版，邮寄给我", true)).isEqualTo("李四");
        // a description that merely mentions such words keeps them
        assertThat(FieldExtractor.residual("2025年电子政务平台网上办事系统建设合同 13800138000", false))
                .isEqualTo("2025年电子政务平台网上办事系统建设合同");
    }
}
