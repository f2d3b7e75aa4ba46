package cn.zwgk.assistant.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ConsoleGuideTest {

    private static AccessProperties properties(String password, boolean strong) {
        return new AccessProperties("admin", password, strong, 5, Duration.ofSeconds(1), Duration.ofMinutes(15));
    }

    @Test
    void theStartupLogSaysWhereToGoAndHowToSignInFirst() {
        assertThat(new ConsoleGuide(properties("admin", false)).line("8080"))
                .contains("http://localhost:8080/console", "'admin' / 'admin'");
    }

    @Test
    void aPasswordOfItsOwnIsNeverPrinted() {
        assertThat(new ConsoleGuide(properties("Str0ng-Passphrase-42", true)).line("9000"))
                .contains("http://localhost:9000/console", "ADMIN_PASSWORD").doesNotContain("Str0ng");
    }
}
