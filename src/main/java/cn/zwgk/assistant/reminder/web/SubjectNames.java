package cn.zwgk.assistant.reminder.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * What reminders are about, as staff read it. A reminder's subject is a key ({@code incident:12:response}
 * for a public-opinion clock, a tracking number for a case); keys are described from the message bundle,
 * tracking numbers and other plain subjects are shown as they are.
 */
final class SubjectNames {

    private static final Pattern INCIDENT = Pattern.compile("incident:(\\d+):(.+)");

    private SubjectNames() {
    }

    /** Each subject with its description. */
    static Map<String, String> of(Collection<String> subjects, MessageSource messages, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        subjects.forEach(s -> names.computeIfAbsent(s, key -> describe(key, messages, locale)));
        return names;
    }

    static String describe(String subject, MessageSource messages, Locale locale) {
        Matcher incident = INCIDENT.matcher(subject);
        if (!incident.matches()) {
            return subject;
        }
        String milestone = messages.getMessage("milestone." + incident.group(2), null, incident.group(2), locale);
        return messages.getMessage("reminder.subject.incident", new Object[] {incident.group(1), milestone}, locale);
    }

    /** Whether the subject is a key staff would not type (and so is shown described, not in the filter box). */
    static boolean isKey(String subject) {
        return INCIDENT.matcher(subject).matches();
    }
}
