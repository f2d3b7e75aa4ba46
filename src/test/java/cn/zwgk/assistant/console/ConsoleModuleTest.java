package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.zwgk.assistant.disclosure.CaseView;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.feedback.RatingService;
import cn.zwgk.assistant.opinion.IncidentService;
import cn.zwgk.assistant.reminder.ReminderService;
import cn.zwgk.assistant.support.ModuleTest;

/**
 * The console shell alone, the features' services mocked: the dashboard (工作台) sorts open cases into due
 * today and overdue by the office's date, and leaves answered ones out. Sign-in is {@code access}'s job, so the
 * security filters are off here ({@code ConsoleAccessSliceTest} and {@code ConsoleAccessIT} cover them).
 */
@ModuleTest
@AutoConfigureMockMvc(addFilters = false)
class ConsoleModuleTest {

    /** 2026-12-07 10:00 in Beijing. */
    static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @MockitoBean DisclosureService disclosures;
    @MockitoBean ReminderService reminders;
    @MockitoBean IncidentService incidents;
    @MockitoBean RatingService ratings;

    @Autowired
    MockMvc mvc;

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardSortsOpenCasesByTheOfficesDate() throws Exception {
        when(disclosures.list(any(), any())).thenReturn(List.of(
                view("2026-0001", "RECEIVED", "2026-12-07"), view("2026-0002", "ACCEPTED", "2026-12-01"),
                view("2026-0003", "REPLIED", "2026-11-30"), view("2026-0004", "RECEIVED", "2026-12-20")));
        when(ratings.byDay(anyInt())).thenReturn(List.of());
        when(ratings.byDocument(anyInt(), anyInt())).thenReturn(List.of());

        MvcResult result = mvc.perform(get("/console")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        var model = result.getModelAndView().getModel();
        assertThat((List<CaseView>) model.get("dueToday")).extracting(CaseView::trackingNo).containsExactly("2026-0001");
        assertThat((List<CaseView>) model.get("overdue")).extracting(CaseView::trackingNo).containsExactly("2026-0002");
        assertThat(result.getResponse().getContentAsString()).contains("2026-0001").contains("2026-0002")
                .doesNotContain("2026-0003");
    }

    private static CaseView view(String trackingNo, String status, String dueOn) {
        return new CaseView(trackingNo, status, "ONLINE", "CITIZEN", "张*", null, null, null, null, null, null, null,
                "某项目验收报告", null, "ELECTRONIC", "ONLINE", "2026-11-01", "2026-11-01", null, dueOn, false, 0, 0,
                null, null, "wxApp", "oCase", List.of(), List.of());
    }
}
