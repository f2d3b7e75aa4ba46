package cn.zwgk.assistant.opinion;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffCommand;
import cn.zwgk.assistant.staff.StaffMember;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * The officers' WeChat commands: "舆情 重大 <标题>" opens an incident, "口径 #12 <text>" issues a quick
 * response, "预警 确认 #5 重大" / "预警 忽略 #5" decides an early-warning alert.
 */
@Configuration
class OpinionCommands {

    private static final Set<Role> OFFICERS = EnumSet.of(Role.COMMS, Role.ADMIN);
    private static final Pattern OPEN = Pattern.compile("^(特别重大|重大|较大|一般)\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern RESPOND = Pattern.compile("^#?(\\d{1,12})\\s+(.+)$", Pattern.DOTALL);
    private static final Pattern DECIDE = Pattern.compile("^(确认|忽略)\\s*#?(\\d{1,12})\\s*(特别重大|重大|较大|一般)?\\s*$");

    @Bean
    StaffCommand openIncidentCommand(IncidentService incidents, Texts texts) {
        return command("舆情", (sender, args, message) -> {
            Matcher m = OPEN.matcher(args);
            if (!m.matches()) {
                return texts.get("opinion.cmd.open-usage");
            }
            Incident i = incidents.open(m.group(2).strip(), Severity.parse(m.group(1)), List.of(), sender.name(),
                    message.openid(), null);
            return texts.get("opinion.cmd.opened", Long.toString(i.id()), i.title(), deadlines(i));
        });
    }

    @Bean
    StaffCommand quickResponseCommand(IncidentService incidents, Texts texts) {
        return command("口径", (sender, args, message) -> {
            Matcher m = RESPOND.matcher(args);
            if (!m.matches()) {
                return texts.get("opinion.cmd.respond-usage");
            }
            QuickResponse r = incidents.issueResponse(Long.parseLong(m.group(1)), m.group(2).strip(), sender.name());
            return texts.get(r.status() == QuickResponse.Status.PUBLISHED ? "opinion.cmd.published" : "opinion.cmd.pending",
                    m.group(1), Integer.toString(r.version()));
        });
    }

    @Bean
    StaffCommand alertDecisionCommand(AlertService alerts, Texts texts) {
        return command("预警", (sender, args, message) -> {
            Matcher m = DECIDE.matcher(args);
            if (!m.matches() || ("确认".equals(m.group(1)) && m.group(3) == null)) {
                return texts.get("opinion.cmd.decide-usage");
            }
            long id = Long.parseLong(m.group(2));
            if ("忽略".equals(m.group(1))) {
                alerts.dismiss(id, sender.name());
                return texts.get("opinion.cmd.dismissed", m.group(2));
            }
            Incident i = alerts.confirm(id, Severity.parse(m.group(3)), null, sender.name(), message.openid());
            return texts.get("opinion.cmd.opened", Long.toString(i.id()), i.title(), deadlines(i));
        });
    }

    private static String deadlines(Incident i) {
        StringBuilder sb = new StringBuilder();
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
                .withZone(OfficeTime.ZONE);
        for (Milestone m : i.milestones()) {
            sb.append('\n').append(m.name()).append(' ').append(f.format(m.dueAt()));
        }
        return sb.toString();
    }

    private interface Action {
        String run(StaffMember sender, String arguments, InboundMessage message);
    }

    private static StaffCommand command(String verb, Action action) {
        return new StaffCommand() {
            @Override
            public String verb() {
                return verb;
            }

            @Override
            public Set<Role> roles() {
                return OFFICERS;
            }

            @Override
            public String execute(StaffMember sender, String arguments, InboundMessage message) {
                try {
                    return action.run(sender, arguments, message);
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            }
        };
    }
}
