package cn.zwgk.assistant.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zwgk.assistant.knowledge.PolicyDocumentImported;
import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;

/**
 * A cross-module side effect survives its listener dying halfway. A policy marked "needs interpretation"
 * is imported (knowledge publishes {@link PolicyDocumentImported} in the import's transaction) and
 * reminder's listener dies after it has planned the reminders but before it returns: its transaction rolls
 * back, and the event publication stays behind. After a restart on the same database the event is
 * delivered again, and the deadline is planned exactly once. Both backends.
 */
@ExtendWith(ExternalBackendCondition.class)
class EventPublicationCrashIT {

    private static final String LISTENER = "cn.zwgk.assistant.reminder.StaffDeadlines.onPolicyImported%";
    static final AtomicBoolean dieHalfway = new AtomicBoolean();

    private Map<String, String> props;
    private String title;

    @BeforeEach
    void setUp() {
        props = TestBackends.properties();
        title = "关于促进民营经济发展的若干措施" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aListenerThatThrowsHalfwayIsRunAgainAfterARestartAndPlansOnce() {
        try (AppInstance first = AppInstance.start(props, DiesHalfway.class)) {
            dieHalfway.set(true);
            publish(first);
            await().atMost(Duration.ofSeconds(10)).until(() -> !dieHalfway.get());
            await().atMost(Duration.ofSeconds(10)).until(() -> status(first).equals("FAILED"));
            // the halfway work was rolled back with the listener's transaction
            assertThat(first.bean(ReminderService.class).pending(subject())).isEmpty();
        }
        try (AppInstance second = AppInstance.start(props)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !second.bean(ReminderService.class).pending(subject()).isEmpty());
            assertPlannedOnce(second);
        }
    }

    @Test
    void aListenerWhoseInstanceDiedIsFoundStaleAndRunAgain() {
        try (AppInstance first = AppInstance.start(props, DiesHalfway.class)) {
            dieHalfway.set(true);
            publish(first);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(first).equals("FAILED"));
            // what a process killed inside the listener leaves: the publication still marked as processing
            first.bean(JdbcClient.class).sql("update event_publication set status = 'PROCESSING' where listener_id like ?")
                    .param(LISTENER).update();
        }
        props.put("spring.modulith.events.staleness.processing", "2s");
        props.put("spring.modulith.events.staleness.check-interval", "1s");
        props.put("platform.event-retry-interval", "1s");
        try (AppInstance second = AppInstance.start(props)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !second.bean(ReminderService.class).pending(subject()).isEmpty());
            assertPlannedOnce(second);
        }
    }

    private void publish(AppInstance app) {
        app.bean(TransactionTemplate.class).executeWithoutResult(status -> app.context()
                .publishEvent(new PolicyDocumentImported(1L, title, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), null)));
    }

    private void assertPlannedOnce(AppInstance app) {
        await().atMost(Duration.ofSeconds(10)).until(() -> count(app) == 0);
        List<Reminder> pending = app.bean(ReminderService.class).pending(subject());
        assertThat(pending).extracting(Reminder::kind).contains(ReminderKind.INTERPRETATION_DUE);
        // one plan: no reminder twice
        assertThat(pending).extracting(r -> r.kind() + "@" + r.fireAt()).doesNotHaveDuplicates();
    }

    private String subject() {
        return StaffDeadlines.INTERPRETATION_PREFIX + title;
    }

    private static String status(AppInstance app) {
        return app.bean(JdbcClient.class).sql("select coalesce(max(status), '') from event_publication where listener_id like ?")
                .param(LISTENER).query(String.class).single();
    }

    private static long count(AppInstance app) {
        return app.bean(JdbcClient.class).sql("select count(*) from event_publication where listener_id like ?")
                .param(LISTENER).query(Long.class).single();
    }

    /** Makes StaffDeadlines die once, after it has planned the reminders (its next call reads them back). */
    @Configuration(proxyBeanMethods = false)
    static class DiesHalfway {

        @Bean
        static BeanPostProcessor dieInReminderLookup() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof ReminderService)) {
                        return bean;
                    }
                    MethodInterceptor die = call -> {
                        if (call.getMethod().getName().equals("get") && dieHalfway.compareAndSet(true, false)) {
                            throw new IllegalStateException("listener died halfway (test)");
                        }
                        return call.proceed();
                    };
                    if (bean instanceof Advised advised) {
                        advised.addAdvice(0, die);
                        return bean;
                    }
                    ProxyFactory factory = new ProxyFactory(bean);
                    factory.setProxyTargetClass(true);
                    factory.addAdvice(die);
                    return factory.getProxy();
                }
            };
        }
    }
}
