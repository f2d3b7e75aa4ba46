package cn.zwgk.assistant.notification;

/**
 * A notice for staff, rendered by each staff channel in its own form (template fields, markdown).
 *
 * @param title     short headline (e.g. 依申请公开答复期限提醒)
 * @param body      the message
 * @param reference what it is about (tracking number, incident, reminder number for "收到 N")
 * @param time      the deadline or event time as staff should read it
 * @param url       optional link (console page)
 * @param critical  critical alerts escalate when unacknowledged and ignore quiet hours
 */
public record StaffAlert(String title, String body, String reference, String time, String url, boolean critical) {
}
