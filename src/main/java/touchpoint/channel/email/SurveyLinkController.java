package touchpoint.channel.email;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A survey link clicked in a mail: the signed token is the only credential, the answer is recorded by the survey code
 * and a short page says so. A second click, an expired or a forged link records nothing.
 */
@Controller("/email/survey")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Customer")
class SurveyLinkController {

    private final SurveyLinkAnswers answers;

    SurveyLinkController(SurveyLinkAnswers answers) {
        this.answers = answers;
    }

    @Get("/{token}")
    @Operation(summary = "Record the score a signed survey link in a mail carries")
    HttpResponse<String> answer(String token) {
        SurveyLinkAnswers.Outcome outcome = answers.answer(token);
        String body = switch (outcome) {
            case RECORDED -> page("Thank you!", "Your answer has been recorded.");
            case ALREADY_ANSWERED -> page("Thank you!", "This question has already been answered.");
            case INVALID -> page("This link does not work", "It may have expired. You can still reply to our mail with a number.");
        };
        return (outcome == SurveyLinkAnswers.Outcome.INVALID ? HttpResponse.<String>notFound() : HttpResponse.<String>ok())
                .body(body).contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static String page(String title, String text) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + title + "</title></head><body style=\"font-family:sans-serif;max-width:32rem;margin:4rem auto\">"
                + "<h1>" + title + "</h1><p>" + text + "</p></body></html>";
    }
}
