package cn.zwgk.assistant.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.zwgk.assistant.platform.StartupRefusal;

class FirstAdminTest {

    @Test
    void productionRefusesAnEmptyDefaultShortOrGuessablePassword() {
        for (String weak : new String[] {"", "  ", "admin", "Admin", "changeme", "short-pw", "admin123456789",
                "Password-2024!", "zhangsan-12345", "xK9#aaaa-bbbbmq", "abcdefghijklmnop", "Sysadmin-Zwgk-7"}) {
            FirstAdmin check = new FirstAdmin(null, new AccessProperties("admin", weak, true, 5, Duration.ofSeconds(1), Duration.ofMinutes(15)));
            assertThatThrownBy(check::afterSingletonsInstantiated).as(weak).isInstanceOf(StartupRefusal.class)
                    .hasMessageStartingWith("Refusing to start: ADMIN_PASSWORD ")
                    .hasMessageNotContaining(weak.isBlank() ? "\u0000" : weak);
        }
    }

    @Test
    void thePasswordMayNotContainTheUserName() {
        assertThat(AdminPasswordPolicy.weakness("gongkaiban", "gongkaiban-Spring-7")).contains("user name");
        assertThat(AdminPasswordPolicy.weakness("someone-else", "gongkaiban-Spring-7")).isNull();
    }

    @Test
    void aLongUncommonPasswordOrPassphrasePasses() {
        assertThat(AdminPasswordPolicy.weakness("admin", "correct-horse-battery")).isNull();
        assertThat(AdminPasswordPolicy.weakness("admin", "t7Vq2mWz9pLr4k")).isNull();
        assertThat(AdminPasswordPolicy.weakness("admin", "admin123456789")).contains("well-known word")
                .contains("12345").doesNotContain("admin123");
    }
}
