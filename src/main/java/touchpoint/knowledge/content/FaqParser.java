package touchpoint.knowledge.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import touchpoint.knowledge.Faq;

/**
 * Parses one faq-content file: a YAML front matter block between {@code ---} lines, then the markdown body.
 * Reports the first problem with its 1-based line in the file instead of throwing.
 */
public final class FaqParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final java.util.Set<String> KEYS = java.util.Set.of("id", "title", "questions", "tags", "team", "locale");
    private static final Pattern DELIMITER = Pattern.compile("---\\s*");

    /** Either a parsed FAQ (with the line of its id, for duplicate reports) or a problem. */
    public record Result(Faq faq, int idLine, LoadProblem problem) {
        public boolean ok() {
            return faq != null;
        }
    }

    public Result parse(String path, String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !DELIMITER.matcher(lines[0]).matches()) {
            return problem(path, 1, "missing front matter: the file must start with a '---' line");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (DELIMITER.matcher(lines[i]).matches()) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return problem(path, 1, "missing front matter: no closing '---' line");
        }
        String yamlText = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end));
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            return problem(path, line, "bad YAML: " + firstLine(e.getProblem()));
        } catch (YAMLException e) {
            return problem(path, 2, "bad YAML: " + firstLine(e.getMessage()));
        }
        if (!(loaded instanceof Map<?, ?> meta)) {
            return problem(path, 2, "bad YAML: front matter must be a mapping of keys to values");
        }
        for (Object key : meta.keySet()) {
            // A misspelt key ("question:") would otherwise silently serve an FAQ without its phrasings.
            if (!KEYS.contains(String.valueOf(key))) {
                return problem(path, lineOfKey(lines, end, String.valueOf(key)), "unknown key '" + key + "'");
            }
        }
        int idLine = lineOfKey(lines, end, "id");
        Object id = meta.get("id");
        if (id == null || id.toString().isBlank()) {
            return problem(path, 1, "missing id");
        }
        if (!ID.matcher(id.toString()).matches()) {
            return problem(path, idLine, "bad id '" + id + "': use lower-case letters, digits and dashes");
        }
        Object title = meta.get("title");
        if (title == null || title.toString().isBlank()) {
            return problem(path, 1, "missing title");
        }
        List<String> questions = stringList(meta.get("questions"));
        if (questions == null) {
            return problem(path, lineOfKey(lines, end, "questions"), "bad questions: must be a list of strings");
        }
        List<String> tags = stringList(meta.get("tags"));
        if (tags == null) {
            return problem(path, lineOfKey(lines, end, "tags"), "bad tags: must be a list of strings");
        }
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, end + 1, lines.length)).strip();
        if (body.isEmpty()) {
            return problem(path, end + 2, "empty body: write the answer below the front matter");
        }
        Faq faq = new Faq(id.toString(), title.toString().strip(), questions, tags,
                stringOrNull(meta.get("team")), stringOrNull(meta.get("locale")), body);
        return new Result(faq, idLine, null);
    }

    private static Result problem(String path, int line, String reason) {
        return new Result(null, line, new LoadProblem(path, line, reason));
    }

    private static int lineOfKey(String[] lines, int end, String key) {
        for (int i = 1; i < end; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }

    /** Null means "present but not a list"; absent is an empty list. */
    private static List<String> stringList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item == null || item instanceof Map || item instanceof List) {
                return null;
            }
            String s = item.toString().strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String stringOrNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
