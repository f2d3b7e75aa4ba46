package cn.zwgk.assistant.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/**} is for staff (HTTP Basic, one admin from {@code ADMIN_USERNAME} /
 * {@code ADMIN_PASSWORD} until the console brings users and roles). The webhook authenticates
 * by WeChat signature, not by session; health and metrics are open to the monitoring system.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

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
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * {@code /ack/{token}} (reminder acknowledgement links in staff template messages) needs no login:
     * the signed, expiring token in the path is the credential. It is left out of CSRF protection on
     * purpose: CSRF stops another site from using a browser's ambient credentials (a session cookie)
     * for a request the user did not mean; here nothing ambient is used, and a page that could forge
     * the POST would need the token, which already grants the acknowledgement. A CSRF token would
     * also need a session cookie in WeChat's in-app browser, the only session in the application.
     * Prefetchers cannot acknowledge: GET only shows the confirm button.
     */
    @Bean
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/wechat/**", "/simulator/**", "/ack/*", "/actuator/health/**",
                                "/actuator/prometheus", "/actuator/info", "/", "/error", "/webjars/**", "/css/**", "/js/**")
                        .permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/files/*").permitAll() // signed download links
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/wechat/**", "/simulator/**", "/ack/*"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    UserDetailsService admins(AdminProperties admin) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(encoder.encode(admin.password()))
                .roles("ADMIN")
                .build());
    }
}
