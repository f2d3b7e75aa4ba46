package cn.zwgk.assistant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import cn.zwgk.assistant.access.UserAccounts;
import cn.zwgk.assistant.staff.Role;
import cn.zwgk.assistant.support.ConsoleSession;
import cn.zwgk.assistant.support.IntegrationTest;
import cn.zwgk.assistant.support.MovableClock;

/**
 * Behind a misconfigured proxy, or reached directly: forwarded headers count only from the trusted
 * proxies (loopback by default, {@code TRUSTED_PROXIES}), and the actuator's endpoints are not on the
 * public port at all. A client elsewhere is reached through another of this machine's addresses.
 */
@IntegrationTest
@Import(MovableClock.AsBean.class)
class ForwardedHeadersIT {

    private static final String PASSWORD = "forwarded-password-1";

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    UserAccounts accounts;

    @Test
    void aClientThatIsNotATrustedProxyCannotPointRedirectsAtItsHost() {
        String address = otherAddress();
        ConsoleSession client = new ConsoleSession(address, port).header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443");
        var redirect = client.get("/console");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).doesNotContain("evil.example").startsWith("http://" + address + ":" + port + "/"));
        var login = client.login("no-such-user-" + UUID.randomUUID(), "whatever-password");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("evil.example"));
    }

    @Test
    void theTrustedProxyForwardsTheHostAndScheme() {
        ConsoleSession proxied = new ConsoleSession(port).header("X-Forwarded-Host", "gk.example.gov.cn")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443");
        assertThat(proxied.get("/console").headers().firstValue("Location")).hasValue("https://gk.example.gov.cn/login");
    }

    @Test
    void aClientCannotChooseTheAddressTheSignInThrottleCounts() {
        String user = user();
        String address = otherAddress();
        // an attacker elsewhere, claiming a new address with every attempt
        for (int i = 0; i < 6; i++) {
            ConsoleSession attacker = new ConsoleSession(address, port).header("X-Forwarded-For", "198.51.100." + i);
            assertThat(loginGoesTo(attacker, user, "guess-" + i)).contains("/login?error");
        }
        ConsoleSession again = new ConsoleSession(address, port).header("X-Forwarded-For", "198.51.100.99");
        assertThat(loginGoesTo(again, user, PASSWORD)).as("held back at its real address").contains("/login?error");
        // the member of staff, elsewhere, is not shut out: there is no lock
        assertThat(loginGoesTo(new ConsoleSession(port), user, PASSWORD)).endsWith("/console");
    }

    @Test
    void behindTheTrustedProxyEachClientAddressIsCountedApart() {
        String user = user();
        for (int i = 0; i < 6; i++) {
            ConsoleSession attacker = new ConsoleSession(port).header("X-Forwarded-For", "203.0.113.66");
            assertThat(loginGoesTo(attacker, user, "guess-" + i)).contains("/login?error");
        }
        assertThat(loginGoesTo(new ConsoleSession(port).header("X-Forwarded-For", "203.0.113.66"), user, PASSWORD))
                .contains("/login?error");
        assertThat(loginGoesTo(new ConsoleSession(port).header("X-Forwarded-For", "192.168.10.20"), user, PASSWORD))
                .endsWith("/console");
    }

    @Test
    void theManagementPortListensOnTheLoopbackAddressOnly() throws IOException {
        String address = otherAddress();
        try (Socket local = new Socket()) {
            local.connect(new InetSocketAddress("127.0.0.1", managementPort), 2000);
            assertThat(local.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> {
            try (Socket remote = new Socket()) {
                remote.connect(new InetSocketAddress(address, managementPort), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    private String user() {
        String name = "fwd-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, name, PASSWORD, Set.of(Role.HANDLER));
        return name;
    }

    private static String loginGoesTo(ConsoleSession session, String user, String password) {
        return session.login(user, password).headers().firstValue("Location").orElse("");
    }

    /** One of this machine's addresses that is not loopback: connecting to it, the client is not a trusted proxy. */
    private static String otherAddress() {
        Optional<String> found = Optional.empty();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress() && !a.isLoopbackAddress()) {
                        found = Optional.of(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
        cn.zwgk.assistant.support.Required.assume(found.isPresent(), "this machine has no address besides loopback to call from");
        return found.get();
    }
}
