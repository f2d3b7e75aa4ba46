package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.zwgk.assistant.calendar.DayKind;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.disclosure.CaseStatus;
import cn.zwgk.assistant.disclosure.IntakeChannel;
import cn.zwgk.assistant.disclosure.ReplyKind;
import cn.zwgk.assistant.faq.StandardAnswer;
import cn.zwgk.assistant.handoff.Handoff;
import cn.zwgk.assistant.knowledge.KnowledgeDocument;
import cn.zwgk.assistant.opinion.Incident;
import cn.zwgk.assistant.opinion.Milestone;
import cn.zwgk.assistant.opinion.OpinionAlert;
import cn.zwgk.assistant.opinion.QuickResponse;
import cn.zwgk.assistant.opinion.Severity;
import cn.zwgk.assistant.staff.Role;

/** Every value the console shows has its staff-facing word in the message bundle, in Chinese. */
class ConsoleWordsTest {

    private final ResourceBundleMessageSource messages = bundle();

    @Test
    void everyValueShownHasAChineseWord() {
        List<String> keys = new ArrayList<>();
        add(keys, "case.status.", CaseStatus.values());
        add(keys, "case.kind.", ReplyKind.values());
        add(keys, "case.channel.", IntakeChannel.values());
        add(keys, "severity.", Severity.values());
        add(keys, "incident.status.", Incident.Status.values());
        add(keys, "quick-response.status.", QuickResponse.Status.values());
        add(keys, "alert.status.", OpinionAlert.Status.values());
        add(keys, "faq.status.", StandardAnswer.Status.values());
        add(keys, "handoff.status.", Handoff.Status.values());
        add(keys, "intent.", Intent.values());
        add(keys, "message.kind.", InboundMessage.Kind.values());
        add(keys, "role.", Role.values());
        add(keys, "day.kind.", DayKind.values());
        Stream.of(Milestone.AUTHORITATIVE_INFO, Milestone.PRESS_CONFERENCE, Milestone.RESPONSE).forEach(m -> keys.add("milestone." + m));
        Stream.of("EXTRACTIVE", "GENERATIVE", "NO_EVIDENCE", "LOADING").forEach(m -> keys.add("answer.mode." + m));
        Stream.of("CREATED", "UPDATED", "UNCHANGED", "FAILED").forEach(o -> keys.add("kb.outcome." + o));
        Stream.of(KnowledgeDocument.CURRENT, KnowledgeDocument.REPEALED, KnowledgeDocument.SUPERSEDED)
                .forEach(s -> keys.add("kb.status." + s));
        Stream.of("subscribe", "unsubscribe", "click", "view", "scan").forEach(e -> keys.add("event." + e));
        for (String key : keys) {
            assertThat(messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE)).as(key)
                    .isNotBlank().matches(".*\\p{IsHan}.*");
        }
    }

    @Test
    void theBundleIsReadAsUtf8WhateverTheLocale() {
        assertThat(messages.getMessage("case.status.ACCEPTED", null, Locale.ENGLISH)).isEqualTo("已受理");
        assertThat(messages.getMessage("reminder.recipient.role", new Object[] {"承办人"}, Locale.ROOT)).isEqualTo("全体承办人");
    }

    private static void add(List<String> keys, String prefix, Enum<?>[] values) {
        for (Enum<?> v : values) {
            keys.add(prefix + v.name());
        }
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
