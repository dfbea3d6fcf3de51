package touchpoint.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import touchpoint.knowledge.Faq;
import touchpoint.knowledge.FaqFormat;
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
 * <p>Reading is the knowledge engine's {@link FaqFormat}, so a file imports exactly when the engine would load it.
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
        FaqFormat.Parsed parsed = FaqFormat.parse(content);
        if (!parsed.ok()) {
            return problem(parsed.problemLine(), parsed.problem());
        }
        Faq f = parsed.faq();
        FaqDocument faq = new FaqDocument(f.id(), f.title(), f.questions(), f.tags(), f.team(), f.locale(), f.bodyMarkdown(), 0);
        // The same rules as the API, so a file the editor could not have saved is not imported either.
        FaqRules.Violation violation = FaqRules.check(faq);
        if (violation != null) {
            String[] lines = content.split("\r?\n", -1);
            int line = "body".equals(violation.field()) ? frontMatterEnd(lines) + 2 : lineOf(lines, frontMatterEnd(lines), violation.field());
            return problem(line, violation.field() + ": " + violation.message());
        }
        return new Parsed(faq, 0, null);
    }

    private static int frontMatterEnd(String[] lines) {
        for (int i = 1; i < lines.length; i++) {
            if (DELIMITER.matcher(lines[i]).matches()) {
                return i;
            }
        }
        return lines.length;
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



}
