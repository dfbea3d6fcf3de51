package touchpoint.knowledge;

import java.util.Map;
import java.util.Optional;

/**
 * The optional language model as other features use it: fill a prompt template from {@code prompts/} and get the
 * completion, or nothing when no model is configured, it fails or it is too slow, so callers always keep a way on
 * without it.
 */
public interface LanguageModel {

    boolean enabled();

    Optional<String> complete(String promptName, Map<String, String> vars);
}
