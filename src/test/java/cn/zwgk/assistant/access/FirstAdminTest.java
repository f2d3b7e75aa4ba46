package cn.zwgk.assistant.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FirstAdminTest {

    @Test
    void productionRefusesAnEmptyDefaultOrShortPassword() {
        for (String weak : new String[] {"", "  ", "admin", "Admin", "changeme", "short-pw"}) {
            FirstAdmin check = new FirstAdmin(null, new AccessProperties("admin", weak, true, 5, Duration.ofSeconds(1), Duration.ofMinutes(15)));
            assertThatThrownBy(check::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Refusing to start").hasMessageNotContaining(weak.isBlank() ? "\u0000" : weak);
        }
    }

    @Test
    void aLongUncommonPasswordPasses() {
        assertThat(FirstAdmin.weakness("correct-horse-battery")).isNull();
        assertThat(FirstAdmin.weakness("admin")).isNotNull();
    }
}
