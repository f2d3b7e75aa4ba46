package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the conversation log keeps of a message that answered the application form. */
class FormInputLogTest {

    @Test
    void eachValueTakenIsMaskedWhereItStands() {
        assertThat(FormInputLog.masked("我叫赵六，电话13912345678", DraftField.NAME,
                Map.of(DraftField.NAME, "赵六", DraftField.PHONE, "13912345678"), Set.of()))
                .isEqualTo("我叫赵*，电话139****5678");
        assertThat(FormInputLog.masked("zhaoliu@example.com", DraftField.EMAIL,
                Map.of(DraftField.EMAIL, "zhaoliu@example.com"), Set.of())).isEqualTo("z***@example.com");
        assertThat(FormInputLog.masked("幸福里 赵六收", DraftField.ADDRESS,
                Map.of(DraftField.ADDRESS, "幸福里 赵六收"), Set.of())).isEqualTo("幸福里****");
        // not personal: kept as written
        assertThat(FormInputLog.masked("纸质的，邮寄给我", DraftField.FORM,
                Map.of(DraftField.FORM, "PAPER", DraftField.DELIVERY, "MAIL"), Set.of())).isEqualTo("纸质的，邮寄给我");
    }

    @Test
    void whatTheDialogCouldNotTakeApartIsHidden() {
        // an address typed when the phone number was asked for
        assertThat(FormInputLog.masked("朝阳区幸福家园", DraftField.PHONE, Map.of(), Set.of())).isNull();
        // an e-mail address typed when the form (paper or electronic) was asked for, not recognised
        assertThat(FormInputLog.masked("zhaoliu at example dot com", DraftField.FORM, Map.of(), Set.of())).isNull();
        // a phone number refused as malformed, given with the name
        assertThat(FormInputLog.masked("赵六 1391234567", DraftField.NAME, Map.of(DraftField.NAME, "赵六"),
                Set.of(DraftField.PHONE))).isNull();
        // the field asked for is personal, and something else was taken
        assertThat(FormInputLog.masked("电子版 赵六", DraftField.NAME, Map.of(DraftField.FORM, "ELECTRONIC"), Set.of()))
                .isNull();
    }
}
