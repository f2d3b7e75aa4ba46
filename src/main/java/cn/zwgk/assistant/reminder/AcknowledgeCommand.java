package cn.zwgk.assistant.reminder;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.staff.StaffCommand;
import cn.zwgk.assistant.staff.StaffMember;

/** "收到 12": a staff member acknowledges reminder 12, which stops its escalation. */
@Component
class AcknowledgeCommand implements StaffCommand {

    private final ReminderService reminders;
    private final Texts texts;

    AcknowledgeCommand(ReminderService reminders, Texts texts) {
        this.reminders = reminders;
        this.texts = texts;
    }

    @Override
    public String verb() {
        return "收到";
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.allOf(Role.class);
    }

    @Override
    public String execute(StaffMember sender, String arguments, InboundMessage message) {
        String digits = arguments.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 12) {
            return texts.get("reminder.ack-usage");
        }
        long id = Long.parseLong(digits);
        if (reminders.get(id).isEmpty()) {
            return texts.get("reminder.ack-unknown", digits);
        }
        reminders.acknowledge(id, message.openid());
        return texts.get("reminder.ack-done", digits);
    }
}
