package cn.zwgk.assistant.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredTest {

    @Test
    void onlyCiEqualToTrueIsCi() {
        assertThat(Required.underCi("true")).isTrue();
        assertThat(Required.underCi("TRUE")).isTrue();
        assertThat(Required.underCi(null)).isFalse();
        assertThat(Required.underCi("")).isFalse();
        assertThat(Required.underCi("false")).isFalse();
    }

    @Test
    void aMissingRequirementSkipsOutsideCi() {
        ConditionEvaluationResult result = Required.enabledIf(false, "here", "no chromium", null);
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains("no chromium");
        assertThatThrownBy(() -> Required.assume(false, "no corpus", "false"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no corpus");
    }

    @Test
    void aMissingRequirementFailsUnderCi() {
        assertThatThrownBy(() -> Required.enabledIf(false, "here", "no chromium", "true"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("no chromium").hasMessageContaining("CI=true");
        assertThatThrownBy(() -> Required.assume(false, "no corpus", "true"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("no corpus");
    }

    @Test
    void aPresentRequirementRunsEitherWay() {
        for (String ci : new String[] {null, "true"}) {
            ConditionEvaluationResult result = Required.enabledIf(true, "chromium here", "no chromium", ci);
            assertThat(result.isDisabled()).isFalse();
            assertThat(result.getReason()).contains("chromium here");
            assertThatCode(() -> Required.assume(true, "no corpus", ci)).doesNotThrowAnyException();
        }
    }
}
