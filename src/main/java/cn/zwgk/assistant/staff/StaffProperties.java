package cn.zwgk.assistant.staff;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff settings.
 *
 * @param channels the staff channels in fallback order: {@code WECHAT_TEMPLATE}, {@code WECOM_ROBOT}
 */
@ConfigurationProperties("staff")
record StaffProperties(@DefaultValue({"WECHAT_TEMPLATE", "WECOM_ROBOT"}) List<String> channels) {
}
