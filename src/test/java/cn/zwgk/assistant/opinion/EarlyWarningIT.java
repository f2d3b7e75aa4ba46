package cn.zwgk.assistant.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.support.AppInstance;
import cn.zwgk.assistant.support.ExternalBackendCondition;
import cn.zwgk.assistant.support.TestBackends;

/**
 * The early warning on a labelled synthetic stream (src/test/resources/opinion/stream.txt): bursts on
 * a few topics, a slow trickle on one topic, and unrelated background questions, each from a user of
 * its own, in time order. Every burst must raise exactly one alert; the figures are printed for
 * docs/opinion.md.
 */
@org.junit.jupiter.api.extension.ExtendWith(ExternalBackendCondition.class)
class EarlyWarningIT {

    record Message(String label, int minute, String text) {
    }

    @Test
    void eachBurstRaisesOneAlertAndTheRestNone() throws IOException {
        List<Message> stream = load();
        Instant start = Instant.now().plus(Duration.ofDays(3));
        try (AppInstance app = AppInstance.start(TestBackends.properties())) {
            EarlyWarning warning = app.bean(EarlyWarning.class);
            AlertService alerts = app.bean(AlertService.class);
            Map<String, Integer> alertsPerLabel = new LinkedHashMap<>();
            Map<String, String> labelOfText = new HashMap<>();
            stream.forEach(m -> labelOfText.put(m.text(), m.label()));
            int user = 0;
            for (Message m : stream) {
                Long alert = warning.observe("wxApp", "oUser" + (user++), m.text(), start.plus(Duration.ofMinutes(m.minute())));
                if (alert != null) {
                    alertsPerLabel.merge(m.label(), 1, Integer::sum);
                    OpinionAlert stored = alerts.find(alert).orElseThrow();
                    assertThat(stored.samples()).as("alert samples come from one topic").allSatisfy(
                            s -> assertThat(labelOfText.get(s)).isEqualTo(m.label()));
                }
            }
            List<String> bursts = stream.stream().map(Message::label).filter(l -> l.startsWith("burst:")).distinct().toList();
            int raised = alertsPerLabel.values().stream().mapToInt(Integer::intValue).sum();
            long trueAlerts = alertsPerLabel.entrySet().stream().filter(e -> e.getKey().startsWith("burst:")).count();
            double precision = raised == 0 ? 0 : (double) trueAlerts / raised;
            double recall = (double) trueAlerts / bursts.size();
            System.out.printf("early warning: %d messages, %d bursts, %d alerts %s, precision %.2f, recall %.2f%n",
                    stream.size(), bursts.size(), raised, alertsPerLabel, precision, recall);

            assertThat(alertsPerLabel).as("one alert per burst, none for the trickle or the background")
                    .containsOnlyKeys(bursts.toArray(String[]::new))
                    .allSatisfy((label, count) -> assertThat(count).isEqualTo(1));
            assertThat(alerts.all()).filteredOn(a -> a.users() >= 3).hasSize(bursts.size());
            OpinionAlert explosion = alerts.all().stream().filter(a -> a.summary().contains("化工")).findFirst().orElseThrow();
            assertThat(explosion.alarmWords()).contains("爆炸");
            assertThat(explosion.users()).as("alarm words alert at 3 users, not 8").isEqualTo(3);

            // confirmed: an incident with its clocks; the citizens of the burst receive its 口径
            Incident incident = alerts.confirm(explosion.id(), Severity.ESPECIALLY_MAJOR, "城东化工厂爆炸", "宣传科王", null);
            assertThat(incident.milestones()).extracting(Milestone::name).contains(Milestone.AUTHORITATIVE_INFO);
            assertThat(alerts.find(explosion.id())).get().extracting(OpinionAlert::status, OpinionAlert::incidentId)
                    .containsExactly(OpinionAlert.Status.CONFIRMED, incident.id());
            assertThatThrownBy(() -> alerts.confirm(explosion.id(), Severity.MAJOR, null, "宣传科王", null))
                    .hasMessageContaining("already CONFIRMED");
            QuickResponse response = app.bean(IncidentService.class).issueResponse(incident.id(), "经核实，城东化工厂一处储罐起火，已扑灭。", "宣传科王");
            int burstUsers = (int) stream.stream().filter(m -> m.label().equals("burst:explosion")).count();
            assertThat(app.bean(IncidentRepository.class).uses(response.id(), "PUSH")).isEqualTo(burstUsers);

            OpinionAlert water = alerts.all().stream().filter(a -> a.summary().contains("水")).findFirst().orElseThrow();
            assertThat(alerts.dismiss(water.id(), "宣传科王").status()).isEqualTo(OpinionAlert.Status.DISMISSED);
        }
    }

    static List<Message> load() throws IOException {
        List<Message> out = new ArrayList<>();
        try (InputStream in = EarlyWarningIT.class.getResourceAsStream("/opinion/stream.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\\|", 3);
                out.add(new Message(p[0], Integer.parseInt(p[1]), p[2].strip()));
            }
        }
        out.sort((a, b) -> Integer.compare(a.minute(), b.minute()));
        return out;
    }
}
