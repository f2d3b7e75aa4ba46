package cn.zwgk.assistant.support;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** What the application maps, as the role × endpoint matrix tests list it: "METHOD /path/{var}". */
public final class EndpointMappings {

    private EndpointMappings() {
    }

    /** Every "METHOD pattern" whose pattern passes {@code paths}. */
    public static Set<String> of(RequestMappingHandlerMapping mappings, Predicate<String> paths) {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(paths)
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + p))));
        return mapped;
    }

    /** The pattern with each {@code {variable}} replaced by its value. */
    public static String concrete(String pattern, Map<String, String> values) {
        String path = pattern;
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace(v.getKey(), v.getValue());
        }
        return path;
    }
}
