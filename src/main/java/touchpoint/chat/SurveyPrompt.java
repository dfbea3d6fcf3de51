package touchpoint.chat;

import io.micronaut.serde.annotation.Serdeable;

/** The scale of a survey question carried on a {@code survey} message. */
@Serdeable
public record SurveyPrompt(String questionId, String type, int min, int max) {
}
