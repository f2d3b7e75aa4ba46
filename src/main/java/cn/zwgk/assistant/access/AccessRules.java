package cn.zwgk.assistant.access;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what: one table for the API and one for the console, first match wins, and anything
 * not listed is refused, so a new endpoint is closed until it is given its roles here (and in the
 * role × endpoint matrix test). ADMIN may do everything; HANDLER and SUPERVISOR work disclosure
 * cases; COMMS works public opinion; everyone signed in may ask the knowledge base, see the
 * calendar and keep reminders. Knowledge-base and calendar changes, staff and users are ADMIN's.
 */
final class AccessRules {

    static final String ADMIN = "ADMIN";
    static final String HANDLER = "HANDLER";
    static final String SUPERVISOR = "SUPERVISOR";
    static final String COMMS = "COMMS";
    static final String[] EVERYONE = {ADMIN, HANDLER, SUPERVISOR, COMMS};
    static final String[] CASEWORK = {ADMIN, HANDLER, SUPERVISOR};
    static final String[] OPINION = {ADMIN, COMMS};

    private AccessRules() {
    }

    static void api(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers("/api/users/**", "/api/wechat/**").hasRole(ADMIN)
                .requestMatchers(GET, "/api/staff", "/api/staff/**").hasAnyRole(ADMIN, SUPERVISOR)
                .requestMatchers("/api/staff", "/api/staff/**").hasRole(ADMIN)
                .requestMatchers(GET, "/api/calendar/**").hasAnyRole(EVERYONE)
                .requestMatchers("/api/calendar/**").hasRole(ADMIN)
                .requestMatchers(GET, "/api/kb/search", "/api/kb/documents").hasAnyRole(EVERYONE)
                .requestMatchers(POST, "/api/kb/ask").hasAnyRole(EVERYONE)
                .requestMatchers("/api/kb/**").hasRole(ADMIN)
                .requestMatchers("/api/disclosures", "/api/disclosures/**").hasAnyRole(CASEWORK)
                .requestMatchers("/api/incidents", "/api/incidents/**", "/api/opinion/**").hasAnyRole(OPINION)
                .requestMatchers("/api/reminders/proactive-disclosure", "/api/reminders/interpretation").hasAnyRole(CASEWORK)
                .requestMatchers("/api/reminders", "/api/reminders/**").hasAnyRole(EVERYONE)
                .requestMatchers(GET, "/api/audit").hasAnyRole(ADMIN, SUPERVISOR)
                .anyRequest().denyAll();
    }

    static void console(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers("/login", "/login/**").permitAll()
                .requestMatchers("/console/users/**", "/console/staff/**", "/console/config/**").hasRole(ADMIN)
                .requestMatchers("/console/conversations/**").hasAnyRole(ADMIN, SUPERVISOR)
                .requestMatchers(POST, "/console/faq/*/approve").hasAnyRole(ADMIN, SUPERVISOR)
                .requestMatchers("/console/cases/**", "/console/handoff", "/console/handoff/**",
                        "/console/gaps", "/console/faq", "/console/faq/**").hasAnyRole(CASEWORK)
                .requestMatchers("/console/incidents/**", "/console/alerts/**").hasAnyRole(OPINION)
                .requestMatchers(POST, "/console/kb/try").hasAnyRole(EVERYONE)
                .requestMatchers(POST, "/console/kb/**", "/console/calendar/**").hasRole(ADMIN)
                .requestMatchers("/console", "/console/**").hasAnyRole(EVERYONE)
                .anyRequest().denyAll();
    }
}
