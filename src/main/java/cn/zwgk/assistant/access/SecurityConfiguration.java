package cn.zwgk.assistant.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three ways in. {@code /api/**}: HTTP Basic, stateless, no cookies, so no CSRF token (a browser
 * never sends Basic credentials for another site's form without the user typing them). The console:
 * form login, session cookie (HttpOnly, Secure, SameSite, see application.yml), CSRF tokens on every
 * change, a strict Content-Security-Policy. Everything else public is listed; the rest is refused.
 * Who may do what is in {@link AccessRules}. The actuator's endpoints answer on the management port
 * ({@link ManagementPort}); the application's port serves {@code /actuator/health} alone. Forwarded
 * headers count only from the proxies in {@code server.tomcat.remoteip.internal-proxies}
 * ({@code TRUSTED_PROXIES}, loopback by default), so the client address the sign-in throttle sees and
 * the host that links and redirects are built from cannot be set by a client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The webhook is authenticated by WeChat's signature, checked before anything is parsed; it has
     * no users, sessions or forms. Keeping it out of the security filter chain halves the CPU each
     * message costs (see docs/benchmarks.md).
     */
    @Bean
    WebSecurityCustomizer webhookOutsideTheFilterChain() {
        return web -> web.ignoring().requestMatchers("/wechat/portal/**");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(AccessRules::api)
                .httpBasic(basic -> basic.authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**", "/login", "/logout")
                .authorizeHttpRequests(AccessRules::console)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()).maximumSessions(3))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * {@code /ack/{token}} (reminder acknowledgement links in staff template messages) needs no login:
     * the signed, expiring token in the path is the credential. It is left out of CSRF protection on
     * purpose: CSRF stops another site from using a browser's ambient credentials (a session cookie)
     * for a request the user did not mean; here nothing ambient is used, and a page that could forge
     * the POST would need the token, which already grants the acknowledgement. Prefetchers cannot
     * acknowledge: GET only shows the confirm button.
     */
    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http, ManagementPort managementPort) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // the actuator endpoints: on the management port only (loopback unless configured);
                        // on the application's port only health, for load balancers
                        .requestMatchers(managementPort).permitAll()
                        .requestMatchers("/wechat/**", "/simulator/**", "/ack/*", "/actuator/health",
                                "/", "/error", "/favicon.ico", "/webjars/**", "/css/**", "/js/**", "/assets/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/files/*").permitAll() // signed download links
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/wechat/**", "/simulator/**", "/ack/*"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
