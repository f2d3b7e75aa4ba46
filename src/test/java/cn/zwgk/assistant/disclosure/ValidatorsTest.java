package cn.zwgk.assistant.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void idNumbersNeedEighteenCharactersARealBirthDateAndTheCheckDigit() {
        assertThat(Validators.idNumber("11010519491231002X", TODAY)).isEmpty();
        assertThat(Validators.idNumber("11010519491231002x", TODAY)).as("lower-case x").isEmpty();
        assertThat(Validators.idNumber("110101199003074477", TODAY)).isEmpty();
        assertThat(Validators.idNumber("110101199003074478", TODAY)).contains("id-checksum");
        assertThat(Validators.idNumber("11010519491231002", TODAY)).contains("id-format");
        assertThat(Validators.idNumber("1101051949123100XX", TODAY)).contains("id-format");
        assertThat(Validators.idNumber("110101199002304471", TODAY)).as("30 February").contains("id-birth");
        assertThat(Validators.idNumber("110101202712014476", TODAY)).as("born in the future").contains("id-birth");
        assertThat(Validators.idNumber(null, TODAY)).contains("id-format");
    }

    @Test
    void creditCodesUseTheGb32100AlphabetAndCheckCharacter() {
        assertThat(Validators.creditCode("91350100M000100Y43")).isEmpty();
        assertThat(Validators.creditCode("91110000100000589A")).isEmpty();
        assertThat(Validators.creditCode("91350100M000100Y44")).contains("credit-checksum");
        assertThat(Validators.creditCode("91350100M000100I43")).as("I is not in the alphabet").contains("credit-format");
        assertThat(Validators.creditCode("91350100M000100Y4")).contains("credit-format");
    }

    @Test
    void mobileNumbersAreElevenDigitsStartingWithThirteenToNineteen() {
        assertThat(Validators.mobile("13800138000")).isEmpty();
        assertThat(Validators.mobile("+86 138-0013-8000")).isEmpty();
        assertThat(Validators.mobile("8613800138000")).isEmpty();
        assertThat(Validators.mobile("12800138000")).contains("phone");
        assertThat(Validators.mobile("1380013800")).contains("phone");
        assertThat(Validators.mobile("010-12345678")).contains("phone");
    }

    @Test
    void emailAddresses() {
        assertThat(Validators.email("zhang.san@example.com.cn")).isEmpty();
        assertThat(Validators.email("zhangsan@example")).contains("email");
        assertThat(Validators.email("@example.com")).contains("email");
        assertThat(Validators.email("张三@example.com")).contains("email");
    }
}
