package cn.zwgk.assistant.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatorGuideTest {

    @Test
    void theStartupLogSaysWhereTheSimulatorIs() {
        assertThat(SimulatorGuide.line("8080")).isEqualTo(
                "Chat simulator: http://localhost:8080/simulator (talk to the bot as a WeChat user would)");
    }
}
