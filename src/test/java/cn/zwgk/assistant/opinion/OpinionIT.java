package cn.zwgk.assistant.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zwgk.assistant.conversation.ConversationService;
import cn.zwgk.assistant.conversation.InboundMessage;
import cn.zwgk.assistant.notification.OutboxEntry;
import cn.zwgk.assistant.notification.OutboxService;
import cn.zwgk.assistant.simulator.WechatApiStandIn;
import cn.zwgk.assistant.support.AdminApi;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.WechatTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Incidents over the API; citizens over the webhook get the 口径 first, and earlier askers get it pushed. */
@IntegrationTest
class OpinionIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ConversationService conversation;

    @Autowired
    WechatApiStandIn wechat;

    @Autowired
    OutboxService outbox;

    @Autowired
    Askers askers;

    @Autowired
    Clock clock;

    @Autowired
    IncidentRepository repository;

    @Test
    void theQuickResponseAnswersFirstReachesEarlierAskersWithinLimitsAndStopsWhenWithdrawn() throws Exception {
        AdminApi api = new AdminApi(port);
        WechatTestClient webhook = WechatTestClient.defaultAccount(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String place = "青松" + tag + "化工园区";
        JsonNode incident = JSON.readTree(api.post("/api/incidents", JSON.writeValueAsString(java.util.Map.of(
                "title", place + "爆炸事故", "severity", "MAJOR", "keywords", List.of(place)))));
        long id = incident.get("id").asLong();
        Instant opened = Instant.parse(incident.get("openedAt").asString());
        assertThat(incident.findValuesAsString("name")).containsExactly("authoritative-info", "press-conference");
        assertThat(Instant.parse(incident.at("/milestones/0/dueAt").asString())).isEqualTo(opened.plus(Duration.ofHours(5)));
        assertThat(Instant.parse(incident.at("/milestones/0/targetAt").asString())).isEqualTo(opened.plus(Duration.ofHours(3)));
        assertThat(JSON.readTree(api.get("/api/incidents")).findValuesAsString("title")).contains(place + "爆炸事故");

        // before any 口径: the question is answered as usual, and the asker is remembered
        String asker = "oAsker" + tag;
        String before = reply(webhook.postPlain(webhook.textXml(asker, place + "那边到底怎么了", WechatTestClient.nextMsgId())).body());
        assertThat(before).doesNotContain("经核实");
        // remembered off the reply path, by the early warning's own thread
        await().atMost(Duration.ofSeconds(10)).until(() -> askers.recent(id, clock.instant()).stream()
                .anyMatch(a -> a.getValue().equals(asker)));

        long v1 = publish(api, id, "经核实，" + place + "一处仓库发生爆燃，明火已扑灭，无人员伤亡（第1版）");
        await().atMost(Duration.ofSeconds(20)).until(() -> customerService(asker).size() == 1);
        assertThat(customerService(asker).get(0).content()).contains("关于您此前咨询的事项").contains("第1版");

        // a citizen asking now gets the 口径 first, ahead of the knowledge base
        String later = "oLater" + tag;
        assertThat(say(later, place + "爆炸有没有人员伤亡？")).contains("无人员伤亡（第1版）");
        assertThat(repository.uses(v1, "ANSWER")).isEqualTo(1);
        assertThat(say(later, "依申请公开多久能答复？")).doesNotContain("第1版");

        // new versions supersede; WeChat allows 5 customer-service messages after the asker's last message
        long v6 = 0;
        for (int v = 2; v <= 6; v++) {
            v6 = publish(api, id, "经核实，" + place + "仓库爆燃已处置完毕（第" + v + "版）");
        }
        long last = v6;
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find("opinion:" + last + ":" + asker)
                .map(OutboxEntry::status).filter(s -> s == OutboxEntry.Status.FAILED).isPresent());
        assertThat(customerService(asker)).hasSize(5);
        assertThat(JSON.readTree(api.get("/api/incidents/" + id)).findValuesAsString("status"))
                .containsOnlyOnce("PUBLISHED").contains("SUPERSEDED");

        // withdrawn: nobody gets it any more
        api.post("/api/incidents/" + id + "/responses/" + v6 + "/withdraw", "{}");
        assertThat(say("oAfter" + tag, place + "爆炸有没有人员伤亡？")).doesNotContain("经核实");
    }

    @Test
    void aMilestoneRecordedAsDoneStopsItsAlertsOnly() throws Exception {
        AdminApi api = new AdminApi(port);
        long id = JSON.readTree(api.post("/api/incidents",
                "{\"title\":\"某小区供水中断\",\"severity\":\"GENERAL\",\"keywords\":[\"停水\"]}")).get("id").asLong();
        JsonNode pending = JSON.readTree(api.get("/api/reminders?subject=incident:" + id + ":response"));
        // 50 %, 80 % and 100 % of 48 h to the officers, then the breach to the leaders
        assertThat(pending.findValuesAsString("kind")).containsExactly("INCIDENT_CLOCK", "INCIDENT_CLOCK", "INCIDENT_CLOCK",
                "ESCALATION");
        assertThat(pending.findValuesAsString("text").get(0)).startsWith("作出回应还剩24小时").contains("#" + id);

        JsonNode done = JSON.readTree(api.post("/api/incidents/" + id + "/milestones/response", "{}"));
        assertThat(done.get("changed").asBoolean()).isTrue();
        assertThat(done.at("/incident/milestones/0/doneAt").isNull()).isFalse();
        assertThat(JSON.readTree(api.get("/api/reminders?subject=incident:" + id + ":response")).size()).isZero();
        assertThat(JSON.readTree(api.post("/api/incidents/" + id + "/milestones/response", "{}")).get("changed").asBoolean())
                .isFalse();
        assertThatThrownBy(() -> api.post("/api/incidents/" + id + "/milestones/press-conference", "{}"))
                .hasMessageContaining("400").hasMessageContaining("response");
        assertThatThrownBy(() -> api.post("/api/incidents", "{\"title\":\"x\",\"severity\":\"HUGE\"}"))
                .hasMessageContaining("400").hasMessageContaining("severity");
        assertThatThrownBy(() -> api.get("/api/incidents/999999")).hasMessageContaining("404");
    }

    private long publish(AdminApi api, long incidentId, String text) {
        JsonNode r = JSON.readTree(api.post("/api/incidents/" + incidentId + "/responses",
                JSON.writeValueAsString(java.util.Map.of("text", text))));
        assertThat(r.get("status").asString()).isEqualTo("PUBLISHED");
        return r.get("id").asLong();
    }

    private List<WechatApiStandIn.SentMessage> customerService(String openid) {
        return wechat.sentTo(openid).stream().filter(m -> m.api() == WechatApiStandIn.Api.CUSTOMER_SERVICE).toList();
    }

    private String say(String openid, String text) {
        return conversation.handle(new InboundMessage("wx5f8e2d1c0b9a7e01", openid, InboundMessage.Kind.TEXT, text,
                null, null, UUID.randomUUID().toString(), Instant.now())).text();
    }

    private static String reply(String xml) {
        int start = xml.indexOf("<Content><![CDATA[");
        return start < 0 ? "" : xml.substring(start + 18, xml.indexOf("]]></Content>", start));
    }
}
