package cn.zwgk.assistant.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.conversation.Intent;
import cn.zwgk.assistant.conversation.IntentHandler;
import cn.zwgk.assistant.conversation.Reply;
import cn.zwgk.assistant.platform.Texts;

/**
 * Staff commands over WeChat. "绑定 123456" binds the sender's openid with a one-time code; every
 * other command needs a bound account with the command's role.
 */
@Component
@Order(100)
class StaffCommandHandler implements IntentHandler {

    private final StaffDirectory directory;
    private final List<StaffCommand> commands;
    private final Texts texts;

    StaffCommandHandler(StaffDirectory directory, List<StaffCommand> commands, Texts texts) {
        this.directory = directory;
        this.commands = commands;
        this.texts = texts;
    }

    @Override
    public boolean supports(Intent intent) {
        return intent == Intent.STAFF_COMMAND;
    }

    @Override
    public Reply handle(InboundMessage message, Intent intent) {
        String text = message.text().strip();
        String verb = text.codePoints().limit(2).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
        String arguments = text.substring(verb.length()).strip();
        if ("绑定".equals(verb)) {
            return Reply.of(directory.bind(arguments, message.openid())
                    .map(member -> texts.get("staff.bound", member.name()))
                    .orElseGet(() -> texts.get("staff.bad-code")));
        }
        Optional<StaffMember> sender = directory.byOpenid(message.openid());
        if (sender.isEmpty()) {
            return Reply.of(texts.get("staff.not-allowed"));
        }
        Optional<StaffCommand> command = commands.stream().filter(c -> c.verb().equals(verb)).findFirst();
        if (command.isEmpty()) {
            return Reply.of(texts.get("staff.unknown-command"));
        }
        if (command.get().roles().stream().noneMatch(sender.get()::has)) {
            return Reply.of(texts.get("staff.not-allowed"));
        }
        return Reply.of(command.get().execute(sender.get(), arguments, message));
    }
}
