package cn.zwgk.assistant.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator, from {@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD}. */
@ConfigurationProperties("admin")
public record AdminProperties(String username, String password) {
}
