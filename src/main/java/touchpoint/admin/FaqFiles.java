package touchpoint.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The faq-content file format: YAML front matter ({@code id, title, questions, tags, team, locale}) between
 * {@code ---} lines, then the markdown body. Reading reports the first problem with its line instead of
 * throwing, so an import can skip one bad file and take the rest. Writing produces what reading accepts.
 *
 * <p>The knowledge branch has an equivalent reader ({@code touchpoint.knowledge.content.FaqParser}); at merge
 * {@link #read} can delegate to it and keep only the mapping and {@link #write} here.
 */
final class FaqFiles {

    private static final Pattern DELIMITER = Pattern.compile("---\\s*");

    private FaqFiles() {
    }

    /** Either a document (revision 0) or a problem at a 1-based line. */
    record Parsed(FaqDocument faq, int line, String problem) {
        boolean ok() {
            return faq != null;
        }
    }

    static Parsed read(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text.split("\r?\n", -1);
        if (!DELIMITER.matcher(lines[0]).matches()) {
            return problem(1, "missing front matter: the file must start with a '---' line");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (DELIMITER.matcher(lines[i]).matches()) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return problem(1, "missing front matter: no closing '---' line");
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(String.join("\n", Arrays.copyOfRange(lines, 1, end)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 2 : e.getProblemMark().getLine() + 2;
            return problem(line, "bad YAML: " + firstLine(e.getProblem()));
        } catch (YAMLException e) {
            return problem(2, "bad YAML: " + firstLine(e.getMessage()));
        }
        if (!(loaded instanceof Map<?, ?> meta)) {
            return problem(2, "bad YAML: the front matter must be a mapping of keys to values");
        }
        for (Object key : meta.keySet()) {
            if (!List.of("id", "title", "questions", "tags", "team", "locale").contains(String.valueOf(key))) {
                return problem(lineOf(lines, end, String.valueOf(key)), "unknown key '" + key + "'");
            }
        }
        List<String> questions = strings(meta.get("questions"));
        if (questions == null) {
            return problem(lineOf(lines, end, "questions"), "questions: must be a list of strings");
        }
        List<String> tags = strings(meta.get("tags"));
        if (tags == null) {
            return problem(lineOf(lines, end, "tags"), "tags: must be a list of strings");
        }
        String body = String.join("\n", Arrays.copyOfRange(lines, end + 1, lines.length)).strip();
        FaqDocument faq = new FaqDocument(scalar(meta.get("id")), scalar(meta.get("title")), questions, tags,
                scalar(meta.get("team")), scalar(meta.get("locale")), body, 0);
        // The same rules as the API, so a file the editor could not have saved is not imported either.
        FaqRules.Violation violation = FaqRules.check(faq);
        if (violation != null) {
            int line = "body".equals(violation.field()) ? end + 2 : lineOf(lines, end, violation.field());
            return problem(line, violation.field() + ": " + violation.message());
        }
        return new Parsed(faq, 0, null);
    }

    static String write(FaqDocument faq) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("id", faq.id());
        meta.put("title", faq.title());
        meta.put("questions", faq.questions());
        meta.put("tags", faq.tags());
        if (faq.team() != null) {
            meta.put("team", faq.team());
        }
        if (!"en".equals(faq.locale())) {
            meta.put("locale", faq.locale());
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        String yaml = new Yaml(new Representer(options), options).dump(meta);
        return "---\n" + yaml + "---\n" + faq.body().strip() + "\n";
    }

    private static Parsed problem(int line, String message) {
        return new Parsed(null, line, message);
    }

    private static int lineOf(String[] lines, int end, String key) {
        for (int i = 1; i < end; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 2;
    }

    /** Null means "present but not a list of scalars"; absent is an empty list. */
    private static List<String> strings(Object value) {
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

    private static String scalar(Object value) {
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
