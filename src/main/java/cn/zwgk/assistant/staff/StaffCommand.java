package cn.zwgk.assistant.staff;

import java.util.Set;

import cn.zwgk.assistant.conversation.InboundMessage;

/**
 * A command staff send to the Official Account ("收到 12", "口径 #3 …", "舆情 重大 …"). Modules
 * contribute commands as beans; only bound staff holding one of {@link #roles()} may run them.
 */
public interface StaffCommand {

    /** The first word of the command, e.g. {@code 收到}. */
    String verb();

    Set<Role> roles();

    /** Runs the command; {@code arguments} is the text after the verb, trimmed. */
    String execute(StaffMember sender, String arguments, InboundMessage message);
}
