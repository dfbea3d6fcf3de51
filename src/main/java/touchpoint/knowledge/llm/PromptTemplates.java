package touchpoint.knowledge.llm;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Prompt templates by name ({@code answer} = {@code answer.md}), read from the configured directory so they
 * can be edited without a build, else from the copies packaged on the classpath under {@code prompts/}.
 * Variables are written {@code {{name}}}.
 */
public final class PromptTemplates {

    private final Path dir;

    public PromptTemplates(Path dir) {
        this.dir = dir;
    }

    public Optional<String> template(String name) {
        Path file = dir.resolve(name + ".md");
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            }
            try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream("prompts/" + name + ".md")) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + name, e);
        }
    }

    /** The named template with its variables filled in; empty when there is no such template. */
    public Optional<String> render(String name, Map<String, String> vars) {
        return template(name).map(t -> PromptTemplate.from(t).apply(Map.<String, Object>copyOf(vars)).text());
    }
}
