package cn.zwgk.assistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.support.ChannelIntegrationTest;
import cn.zwgk.assistant.support.ScriptedHandler;
import cn.zwgk.assistant.support.WechatTestClient;

/** Messages sent through the real webhook end up in the conversation log, masked, and can be read back. */
class ConversationLogIT extends ChannelIntegrationTest {

    private static final String ID = "44030519870615213X";
    private static final String PHONE = "15912345678";

    @Autowired
    ConversationLog conversationLog;

    @Autowired
    ConversationLogRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Texts texts;

    @Test
    void messagesAndRepliesAreLoggedMaskedAndCanBeFilteredAndCounted() {
        WechatTestClient city = city();
        String alice = newOpenid("logalice");
        String bob = newOpenid("logbob");
        Instant start = Instant.now().minusMillis(5);
        List<HourlyVolume> volumeBefore = conversationLog.volumeByHour(start.minus(2, ChronoUnit.HOURS), start.plus(2, ChronoUnit.HOURS));

        String token = "令牌" + WechatTestClient.nextMsgId();
        String echoed = content(city.postPlain(city.textXml(alice,
                ScriptedHandler.echo("log-" + WechatTestClient.nextMsgId(), token + " 已登记 " + ID + " 电话 " + PHONE),
                WechatTestClient.nextMsgId())));
        assertThat(echoed).as("the bot itself answered the raw numbers").contains(ID, PHONE);
        // answered passively or, when slower than the passive budget, later: either way it is logged once answered
        assertThat(city.postPlain(city.textXml(alice,
                "我的身份证号码是" + ID + "，手机" + PHONE + "，想问问低保政策", WechatTestClient.nextMsgId())).statusCode())
                .isEqualTo(200);
        String aliceHash = conversationLog.userHash(alice);
        // the question may be answered after its passive reply: wait, so that the log's order is the sending order
        await(() -> conversationLog.recent(LogFilter.user(aliceHash), 0).size() == 2, "the question logged");
        String welcome = content(city.postPlain(city.eventXml(alice, "subscribe", null, WechatTestClient.now())));
        content(city.postPlain(city.textXml(bob, "帮助", WechatTestClient.nextMsgId())));

        String bobHash = conversationLog.userHash(bob);
        await(() -> conversationLog.recent(LogFilter.user(aliceHash), 0).size() == 3
                && conversationLog.recent(LogFilter.user(bobHash), 0).size() == 1, "the log flushed");

        List<LoggedMessage> thread = conversationLog.recent(LogFilter.user(aliceHash), 0);
        assertThat(thread).allSatisfy(m -> {
            assertThat(m.userHash()).isEqualTo(aliceHash);
            assertThat(m.userMasked()).isEqualTo(alice.substring(0, 4) + "…" + alice.substring(alice.length() - 4));
            assertThat(m.appId()).isEqualTo(city.appId());
            assertThat(m.at()).isAfterOrEqualTo(start.truncatedTo(ChronoUnit.MILLIS));
        });
        assertThat(thread).extracting(LoggedMessage::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        LoggedMessage subscribed = thread.get(0);
        assertThat(subscribed.kind()).isEqualTo(InboundMessage.Kind.EVENT);
        assertThat(subscribed.event()).isEqualTo("subscribe");
        assertThat(subscribed.inboundText()).isNull();
        assertThat(subscribed.replyText()).isEqualTo(welcome).isEqualTo(texts.get("conversation.welcome"));

        String maskedId = "440***********213X";
        String maskedPhone = "159****5678";
        LoggedMessage echo = thread.get(2);
        assertThat(echo.kind()).isEqualTo(InboundMessage.Kind.TEXT);
        assertThat(echo.intent()).isNotNull();
        assertThat(echo.inboundText()).startsWith(ScriptedHandler.PREFIX).contains(token, maskedId, maskedPhone);
        assertThat(echo.replyText()).isEqualTo(token + " 已登记 " + maskedId + " 电话 " + maskedPhone);

        LoggedMessage second = thread.get(1);
        assertThat(second.inboundText()).isEqualTo("我的身份证号码是" + maskedId + "，手机" + maskedPhone + "，想问问低保政策");
        assertThat(second.replyText()).isNotBlank();
        assertThat(second.intent()).isNotNull();

        // nothing raw anywhere in the table: not the numbers, not the openids
        List<Map<String, Object>> table = jdbc.queryForList("select * from conversation_log");
        assertThat(table).isNotEmpty().allSatisfy(row -> assertThat(row.values()).allSatisfy(v ->
                assertThat(String.valueOf(v)).doesNotContain(ID, PHONE, "440305198706", alice, bob)));

        // filters
        assertThat(conversationLog.recent(LogFilter.user(bobHash), 0)).singleElement().satisfies(m -> {
            assertThat(m.inboundText()).isEqualTo("帮助");
            assertThat(m.userHash()).isEqualTo(bobHash);
        });
        assertThat(conversationLog.recent(new LogFilter(null, token, null, null), 0))
                .extracting(LoggedMessage::id).containsExactly(echo.id());
        assertThat(conversationLog.recent(new LogFilter(aliceHash, maskedPhone, null, null), 0))
                .extracting(LoggedMessage::id).containsExactly(second.id(), echo.id());
        assertThat(conversationLog.recent(new LogFilter(aliceHash, "%", null, null), 0)).isEmpty();
        assertThat(conversationLog.recent(new LogFilter(aliceHash, null, null, echo.at()), 0)).isEmpty();
        assertThat(conversationLog.recent(new LogFilter(aliceHash, null, echo.at(), subscribed.at()), 0))
                .extracting(LoggedMessage::id).containsExactly(second.id(), echo.id());
        assertThat(conversationLog.recent(LogFilter.user(aliceHash), 0, 2)).extracting(LoggedMessage::id)
                .containsExactly(subscribed.id(), second.id());
        assertThat(conversationLog.recent(LogFilter.user(aliceHash), 1, 2)).extracting(LoggedMessage::id)
                .containsExactly(echo.id());

        // hourly volume: every hour of the range, and the new messages counted in their hours
        List<HourlyVolume> volume = conversationLog.volumeByHour(start.minus(2, ChronoUnit.HOURS), start.plus(2, ChronoUnit.HOURS));
        assertThat(volume).hasSameSizeAs(volumeBefore).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 0; i < volume.size(); i++) {
            assertThat(volume.get(i).hour()).isEqualTo(start.minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).plus(i, ChronoUnit.HOURS));
            Instant hour = volume.get(i).hour();
            long mine = java.util.stream.Stream.concat(thread.stream(), conversationLog.recent(LogFilter.user(bobHash), 0).stream())
                    .filter(m -> m.at().truncatedTo(ChronoUnit.HOURS).equals(hour)).count();
            assertThat(volume.get(i).inbound() - volumeBefore.get(i).inbound()).as("new messages in %s", hour)
                    .isGreaterThanOrEqualTo(mine);
            assertThat(volume.get(i).users()).isLessThanOrEqualTo(volume.get(i).inbound());
        }
        assertThat(volume.stream().mapToLong(HourlyVolume::inbound).sum()
                - volumeBefore.stream().mapToLong(HourlyVolume::inbound).sum()).isGreaterThanOrEqualTo(4);
        assertThat(meters.counter("conversation.log.written").count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void retentionDeletesOnlyRowsOlderThanTheRetentionPeriod() {
        Instant now = Instant.now();
        String hash = "retention-" + WechatTestClient.nextMsgId();
        for (int days : new int[] {200, 100}) {
            Instant at = now.minus(Duration.ofDays(days));
            jdbc.update("""
                    insert into conversation_log (created_at, hour_bucket, app_id, user_hash, user_masked, kind,
                        inbound_text, reply_text, handling_ms) values (?, ?, 'app', ?, '****', 'TEXT', ?, 'r', 1)""",
                    Timestamp.from(at), Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)), hash, days + " days old");
        }
        assertThat(retention.run(now)).isGreaterThanOrEqualTo(1);
        assertThat(conversationLog.recent(LogFilter.user(hash), 0)).extracting(LoggedMessage::inboundText)
                .containsExactly("100 days old");
    }

    private static String content(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        String content = WechatTestClient.extract(response.body(), "Content");
        assertThat(content).as("reply to %s", response.body()).isNotNull();
        return content;
    }
}
