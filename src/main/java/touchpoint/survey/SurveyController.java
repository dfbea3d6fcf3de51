package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import touchpoint.chat.ChatService;
import touchpoint.infra.JsonRequests;
import touchpoint.survey.SurveyApi.AnswerRequest;
import touchpoint.survey.SurveyApi.FeedbackRequest;
import touchpoint.survey.SurveyApi.Stored;

/**
 * Survey answers and thumbs, authorised like the chat API by the customer's conversation token: a wrong token
 * and an unknown conversation both answer 404.
 */
@Controller("/api/conversations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Customer")
class SurveyController {

    private final SurveyAnswers answers;
    private final Thumbs thumbs;
    private final JsonRequests requests;
    private final ChatService chat;

    SurveyController(SurveyAnswers answers, Thumbs thumbs, JsonRequests requests, ChatService chat) {
        this.chat = chat;
        this.answers = answers;
        this.thumbs = thumbs;
        this.requests = requests;
    }

    @Post("/{id}/survey-answers")
    @Operation(summary = "Answer a survey question asked in this conversation: {questionId, score, comment?}")
    HttpResponse<Stored> answer(String id, @Nullable @Header("Authorization") String authorization, @Body @Nullable JsonNode body) {
        String token = chat.authorize(id, authorization);
        AnswerRequest r = requests.read(body, AnswerRequest.class);
        return HttpResponse.created(Stored.of(answers.answer(id, token, r.questionId(), r.score(), r.comment())));
    }

    @Post("/{id}/messages/{messageId}/feedback")
    @Operation(summary = "Thumbs up or down on one bot answer: {helpful}; thumbs-down offers the next answer and a person")
    HttpResponse<Stored> feedback(String id, String messageId, @Nullable @Header("Authorization") String authorization,
                                  @Body @Nullable JsonNode body) {
        String token = chat.authorize(id, authorization);
        FeedbackRequest r = requests.read(body, FeedbackRequest.class);
        return HttpResponse.created(Stored.of(thumbs.rate(id, token, messageId, r.helpful())));
    }
}
