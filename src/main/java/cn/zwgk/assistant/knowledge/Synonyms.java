package cn.zwgk.assistant.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.zwgk.assistant.platform.PlatformProperties;

/**
 * Government vocabulary that means the same thing ({@code channel-config/synonyms.txt}: one group a
 * line, terms separated by "=" or ","; "#" starts a comment). Re-read when the file changes.
 */
@Component
class Synonyms {

    private final Path file;
    private volatile FileTime loadedAt;
    private volatile List<List<String>> groups = List.of();

    Synonyms(PlatformProperties platform) {
        this.file = Path.of(platform.channelConfigDir(), "synonyms.txt");
    }

    /** The other terms of every group one of whose terms occurs in the (simplified) text. */
    Set<String> expansions(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> group : current()) {
            if (group.stream().anyMatch(text::contains)) {
                group.stream().filter(t -> !text.contains(t)).forEach(out::add);
            }
        }
        return out;
    }

    private List<List<String>> current() {
        try {
            if (!Files.isRegularFile(file)) {
                return groups;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(loadedAt)) {
                groups = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
                loadedAt = modified;
            }
        } catch (IOException e) {
            return groups;
        }
        return groups;
    }

    static List<List<String>> parse(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.replaceAll("#.*", "").strip();
            if (t.isEmpty()) {
                continue;
            }
            List<String> group = new ArrayList<>();
            for (String term : t.split("[=,，、]")) {
                String s = ScriptConverter.toSimplified(term.strip());
                if (!s.isEmpty()) {
                    group.add(s);
                }
            }
            if (group.size() > 1) {
                out.add(List.copyOf(group));
            }
        }
        return List.copyOf(out);
    }
}
