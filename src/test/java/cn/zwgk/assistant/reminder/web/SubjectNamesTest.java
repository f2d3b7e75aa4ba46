package cn.zwgk.assistant.reminder.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Reminder subjects as staff read them: keys described, tracking numbers as they are. */
class SubjectNamesTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    SubjectNamesTest() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
    }

    @Test
    void anIncidentClockIsDescribedNotShownAsItsKey() {
        assertThat(SubjectNames.describe("incident:12:response", messages, Locale.CHINA)).isEqualTo("舆情事件 #12：作出回应");
        assertThat(SubjectNames.describe("incident:7:press-conference", messages, Locale.CHINA))
                .isEqualTo("舆情事件 #7：召开新闻发布会");
        assertThat(SubjectNames.isKey("incident:12:response")).isTrue();
    }

    @Test
    void aTrackingNumberOrAnUnknownSubjectIsShownAsItIs() {
        assertThat(SubjectNames.describe("2026-000123", messages, Locale.CHINA)).isEqualTo("2026-000123");
        assertThat(SubjectNames.isKey("2026-000123")).isFalse();
        assertThat(SubjectNames.of(List.of("2026-000123", "incident:3:new-milestone"), messages, Locale.CHINA))
                .containsEntry("2026-000123", "2026-000123")
                .containsEntry("incident:3:new-milestone", "舆情事件 #3：new-milestone");
    }
}
