package touchpoint.knowledge.eval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One line of an off-topic set ({@code --oos}, {@code --background}): a question no FAQ answers, and its domain. */
@Serdeable
public record OffTopicQuestion(String text, @Nullable String domain) {
}
