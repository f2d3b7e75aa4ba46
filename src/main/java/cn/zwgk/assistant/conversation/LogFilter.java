package cn.zwgk.assistant.conversation;

import java.time.Instant;

/**
 * Which logged messages to list; every part is optional ({@code null} = no restriction).
 *
 * @param userHash     only this sender's messages ({@link LoggedMessage#userHash()})
 * @param textContains only messages whose inbound or reply text contains this (case-insensitive)
 * @param from         handled at or after this instant
 * @param to           handled before this instant
 */
public record LogFilter(String userHash, String textContains, Instant from, Instant to) {

    public static LogFilter all() {
        return new LogFilter(null, null, null, null);
    }

    public static LogFilter user(String userHash) {
        return new LogFilter(userHash, null, null, null);
    }
}
