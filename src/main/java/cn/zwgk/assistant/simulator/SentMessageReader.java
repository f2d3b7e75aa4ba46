package cn.zwgk.assistant.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zwgk.assistant.simulator.WechatApiStandIn.Api;
import tools.jackson.databind.JsonNode;

/** Reads the recipient and a readable content out of the JSON body of a send API call. */
final class SentMessageReader {

    private SentMessageReader() {
    }

    static String toUser(Api api, JsonNode body) {
        return api == Api.MENU ? null : blankToNull(text(body.path("touser")));
    }

    static String content(Api api, JsonNode body) {
        return switch (api) {
            case CUSTOMER_SERVICE -> customerService(body);
            case TEMPLATE, SUBSCRIBE -> templateFields(body.path("data"));
            case MENU -> menuNames(body.path("button"));
            case TYPING -> text(body.path("command"));
        };
    }

    private static String customerService(JsonNode body) {
        String type = text(body.path("msgtype"));
        if ("text".equals(type)) {
            return text(body.path("text").path("content"));
        }
        return "[" + (type.isEmpty() ? "unknown" : type) + "]";
    }

    /** {@code {"data":{"thing1":{"value":"…"}}}}: one "key: value" line per field, in order. */
    private static String templateFields(JsonNode data) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            lines.add(field.getKey() + ": " + text(field.getValue().path("value")));
        }
        return String.join("\n", lines);
    }

    private static String menuNames(JsonNode buttons) {
        List<String> names = new ArrayList<>();
        buttons.valueStream().forEach(button -> names.add(text(button.path("name"))));
        return String.join(" | ", names);
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() ? node.asString("") : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
