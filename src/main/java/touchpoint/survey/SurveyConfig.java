package touchpoint.survey;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Map;

/**
 * Surveys and service recovery ({@code touchpoint.survey.*}).
 *
 * @param enabled master switch for asking surveys (answers to questions already asked are still accepted)
 * @param companyName replaces {@code {company}} in question wordings
 * @param questions asked in this order, one at a time: a list of {id, type (CES|CSAT|NPS), wording, enabled};
 *     absent means the defaults (CES and CSAT on, NPS off). Bound as raw maps because Micronaut 4 does not bind
 *     lists of records inside configuration properties; {@link #questionList()} reads them once, strictly.
 * @param samplingAfterResolved share of agent-resolved conversations surveyed (0..1)
 * @param samplingAfterHelpful share of conversations surveyed after the customer rated a bot answer helpful
 * @param samplingAfterIdle share of conversations surveyed when they go idle right after a bot answer
 * @param samplingAfterHandBack share surveyed when an agent hands the conversation back to the bot
 * @param idleMinutes how long after a bot answer with no further activity the conversation counts as idle
 * @param expiryHours after this long an unanswered survey question is closed as expired
 * @param recoveryCsatMax a CSAT at or below this opens a service-recovery task
 * @param recoveryCesMax a CES at or below this opens a service-recovery task
 * @param recoveryNpsMax an NPS at or below this (a detractor) opens a service-recovery task
 * @param recoveryWebhookUrl when set, every new recovery task is POSTed here as JSON (best effort)
 * @param recoveryLinkPrefix the agent console's conversation link; the conversation id is appended (the console
 *     opens the conversation named in its {@code #conversation=} fragment)
 */
@ConfigurationProperties("touchpoint.survey")
public record SurveyConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "Hearth & Pine") String companyName,
        @Nullable List<Map<String, Object>> questions,
        @Bindable(defaultValue = "1.0") double samplingAfterResolved,
        @Bindable(defaultValue = "0.2") double samplingAfterHelpful,
        @Bindable(defaultValue = "0.1") double samplingAfterIdle,
        @Bindable(defaultValue = "1.0") double samplingAfterHandBack,
        @Bindable(defaultValue = "15") int idleMinutes,
        @Bindable(defaultValue = "24") int expiryHours,
        @Bindable(defaultValue = "2") int recoveryCsatMax,
        @Bindable(defaultValue = "3") int recoveryCesMax,
        @Bindable(defaultValue = "6") int recoveryNpsMax,
        @Nullable String recoveryWebhookUrl,
        @Bindable(defaultValue = "/agent/#conversation=") String recoveryLinkPrefix) {

    public static final List<Question> DEFAULT_QUESTIONS = List.of(
            new Question("ces", SurveyType.CES, "{company} made it easy for me to handle my issue. "
                    + "(1 = strongly disagree, 7 = strongly agree)", true),
            new Question("csat", SurveyType.CSAT, "How satisfied are you with the help you got today? "
                    + "(1 = very dissatisfied, 5 = very satisfied; you can add a comment after the number)", true),
            new Question("nps", SurveyType.NPS, "How likely are you to recommend {company} to a friend? "
                    + "(0 = not at all likely, 10 = extremely likely)", false));

    public SurveyConfig {
        questions = questions == null ? List.of() : List.copyOf(questions);
        parse(questions); // fail at startup, naming the entry, rather than at the first survey
    }

    /** The configured questions in order, or the defaults when none are configured. */
    public List<Question> questionList() {
        return questions.isEmpty() ? DEFAULT_QUESTIONS : parse(questions);
    }

    private static List<Question> parse(List<Map<String, Object>> raw) {
        List<Question> parsed = new java.util.ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> q = raw.get(i);
            String where = "touchpoint.survey.questions[" + i + "]";
            Object id = q.get("id");
            Object type = q.get("type");
            Object wording = q.get("wording");
            if (id == null || type == null || wording == null) {
                throw new IllegalArgumentException(where + " needs id, type and wording");
            }
            SurveyType surveyType;
            try {
                surveyType = SurveyType.valueOf(type.toString().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".type must be CES, CSAT or NPS, not " + type);
            }
            boolean enabled = q.get("enabled") == null || Boolean.parseBoolean(q.get("enabled").toString());
            parsed.add(new Question(id.toString(), surveyType, wording.toString(), enabled));
        }
        return List.copyOf(parsed);
    }

    /**
     * One configurable question.
     *
     * @param id stable id stored with every answer (rename the wording freely, never the id)
     * @param type the scale
     * @param wording what the customer reads; {@code {company}} is replaced by the company name
     */
    public record Question(String id, SurveyType type, String wording, boolean enabled) {
    }

    List<Question> enabledQuestions() {
        return questionList().stream().filter(Question::enabled).toList();
    }

    String wordingOf(Question question) {
        return question.wording().replace("{company}", companyName);
    }
}
