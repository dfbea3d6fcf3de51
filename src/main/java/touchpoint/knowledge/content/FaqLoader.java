package touchpoint.knowledge.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.knowledge.Faq;

/**
 * Loads every {@code *.md} file under a faq-content directory. Bad files are reported and skipped so one
 * broken file never takes the good ones offline.
 */
public final class FaqLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FaqLoader.class);

    private final FaqParser parser = new FaqParser();

    public LoadReport load(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warn("FAQ directory {} does not exist; serving an empty knowledge base", dir);
            return new LoadReport(dir.toString(), List.of(), List.of(new LoadProblem(dir.toString(), 0, "directory not found")));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<Faq> faqs = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, String> firstSeen = new HashMap<>();
        for (Path file : files) {
            String path = file.toString();
            String content;
            try {
                content = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                problems.add(new LoadProblem(path, 0, "unreadable: " + e.getMessage()));
                continue;
            }
            FaqParser.Result result = parser.parse(path, content);
            if (!result.ok()) {
                problems.add(result.problem());
                continue;
            }
            String previous = firstSeen.putIfAbsent(result.faq().id(), path);
            if (previous != null) {
                problems.add(new LoadProblem(path, result.idLine(),
                        "duplicate id '" + result.faq().id() + "', already defined in " + previous));
                continue;
            }
            faqs.add(result.faq());
        }
        problems.forEach(p -> LOG.warn("Skipping FAQ file {}", p));
        LOG.info("Loaded {} FAQs from {} ({} files skipped)", faqs.size(), dir, problems.size());
        return new LoadReport(dir.toString(), faqs, problems);
    }
}
