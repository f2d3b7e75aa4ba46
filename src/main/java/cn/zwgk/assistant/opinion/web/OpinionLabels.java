package cn.zwgk.assistant.opinion.web;

import java.util.Map;

import cn.zwgk.assistant.opinion.Milestone;

/** The Chinese names of the public-opinion values the console shows. */
final class OpinionLabels {

    static final Map<String, String> SEVERITY = Map.of("ESPECIALLY_MAJOR", "特别重大", "MAJOR", "重大", "GENERAL", "一般");
    static final Map<String, String> MILESTONE = Map.of(Milestone.AUTHORITATIVE_INFO, "发布权威信息",
            Milestone.PRESS_CONFERENCE, "召开新闻发布会", Milestone.RESPONSE, "作出回应");
    static final Map<String, String> RESPONSE_STATUS = Map.of("PENDING_APPROVAL", "待审核", "PUBLISHED", "使用中",
            "SUPERSEDED", "已被新版本替代", "WITHDRAWN", "已撤回");
    static final Map<String, String> INCIDENT_STATUS = Map.of("OPEN", "处置中", "CLOSED", "已结束");
    static final Map<String, String> ALERT_STATUS = Map.of("PENDING", "待处理", "CONFIRMED", "已立案", "DISMISSED", "已忽略");

    private OpinionLabels() {
    }

    static Map<String, Map<String, String>> all() {
        return Map.of("severity", SEVERITY, "milestone", MILESTONE, "responseStatus", RESPONSE_STATUS,
                "incidentStatus", INCIDENT_STATUS, "alertStatus", ALERT_STATUS);
    }
}
