package cn.zwgk.assistant.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.zwgk.assistant.calendar.WorkingDayCalendar;
import cn.zwgk.assistant.conversation.ConversationLog;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.faq.KnowledgeGaps;
import cn.zwgk.assistant.faq.StandardAnswers;
import cn.zwgk.assistant.feedback.RatingService;
import cn.zwgk.assistant.handoff.HandoffService;
import cn.zwgk.assistant.knowledge.KnowledgeService;
import cn.zwgk.assistant.opinion.AlertService;
import cn.zwgk.assistant.opinion.IncidentService;
import cn.zwgk.assistant.platform.PlatformProperties;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.reminder.ReminderService;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffDirectory;
import cn.zwgk.assistant.support.ConsoleAccessMatrix;
import cn.zwgk.assistant.support.EndpointMappings;
import cn.zwgk.assistant.wechat.AccountRegistry;

/**
 * The console's role × endpoint matrix ({@link ConsoleAccessMatrix}) in a web slice: the console's
 * controllers (the {@code console} package and every feature's {@code web} package) with the real
 * {@link SecurityConfiguration} and {@link AccessRules}, services mocked. Seconds instead of a full
 * application; {@code ConsoleAccessIT} keeps the real sign-in, session CSRF tokens and page rendering.
 * A request the rules let through reaches a controller whose mocked services may make it fail: that
 * counts as let through, as only the security filter chain answers 403 here.
 */
@WebMvcTest(useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = ConsoleAccessSliceTest.ConsoleScreens.class))
@EnableWebSecurity
@Import({SecurityConfiguration.class, ManagementPort.class, ConsoleAccessSliceTest.SystemClock.class})
class ConsoleAccessSliceTest {

    /** The Clock bean the screens take the time from (platform's, which a slice does not scan). */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class SystemClock {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }

    /** The console's controllers and advice: in {@code console} or in a feature's {@code web} package. */
    static final class ConsoleScreens implements TypeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            AnnotationMetadata type = reader.getAnnotationMetadata();
            return type.getClassName().matches("cn\\.zwgk\\.assistant\\.(console|[a-z]+\\.web)\\.[A-Za-z]+")
                    && (type.hasAnnotation(Controller.class.getName()) || type.hasAnnotation(ControllerAdvice.class.getName()));
        }
    }

    private static final int LET_THROUGH = -1;

    private MockMvc mvc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @MockitoBean
    DisclosureService disclosures;
    @MockitoBean
    ReminderService reminders;
    @MockitoBean
    IncidentService incidents;
    @MockitoBean
    AlertService alerts;
    @MockitoBean
    RatingService ratings;
    @MockitoBean
    UserAccounts accounts;
    @MockitoBean
    Texts texts;
    @MockitoBean
    WorkingDayCalendar calendar;
    @MockitoBean
    ConversationLog log;
    @MockitoBean
    StandardAnswers standardAnswers;
    @MockitoBean
    KnowledgeGaps gaps;
    @MockitoBean
    HandoffService handoffs;
    @MockitoBean
    KnowledgeService knowledge;
    @MockitoBean
    StaffDirectory staff;
    @MockitoBean
    AccountRegistry wechatAccounts;
    @MockitoBean
    PlatformProperties platform;

    @BeforeEach
    void securedMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void everyConsoleMappingIsInTheMatrix() {
        assertThat(EndpointMappings.of(mappings, p -> p.equals("/console") || p.startsWith("/console/")))
                .containsExactlyInAnyOrderElementsOf(ConsoleAccessMatrix.EXPECTED.keySet());
    }

    @Test
    void eachRoleReachesExactlyItsEndpoints() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : ConsoleAccessMatrix.EXPECTED.entrySet()) {
            boolean isPost = entry.getKey().startsWith("POST ");
            String path = EndpointMappings.concrete(entry.getKey().substring(entry.getKey().indexOf(' ') + 1),
                    ConsoleAccessMatrix.PATH_VALUES);
            MockHttpServletResponse signedOut = call(isPost ? post(path).with(csrf()) : get(path));
            boolean toLogin = signedOut != null && signedOut.getStatus() == 302
                    && String.valueOf(signedOut.getRedirectedUrl()).endsWith("/login");
            if (!toLogin) {
                wrong.add(entry.getKey() + " signed out → " + (signedOut == null ? "let through" : signedOut.getStatus()));
            }
            for (Role role : Role.values()) {
                MockHttpServletRequestBuilder request = (isPost ? post(path).with(csrf()) : get(path))
                        .with(user("matrix-" + role.name().toLowerCase()).roles(role.name()));
                MockHttpServletResponse response = call(request);
                int status = response == null ? LET_THROUGH : response.getStatus();
                boolean allowed = entry.getValue().contains(role.name());
                if (allowed == (status == 403)) {
                    wrong.add(entry.getKey() + " as " + role + " → " + (status == LET_THROUGH ? "let through" : status));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedWhateverTheRole() throws Exception {
        assertThat(mvc.perform(post("/console/reminders").with(user("matrix-admin").roles("ADMIN")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    /** The response, or null when the request got through to a controller that failed on the mocks. */
    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            return null;
        }
    }
}
