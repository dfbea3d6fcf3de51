package touchpoint.chat;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;
import touchpoint.knowledge.Candidate;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.KnowledgeBase;
import touchpoint.knowledge.Question;

/** Turns a knowledge decision into transcript events, so every path words and cites answers the same way. */
@Singleton
public class BotReplies {

    public static final String TALK_TO_PERSON = "Talk to a person";
    public static final String NONE_OF_THESE = "None of these";
    /** The fallback when the customer turned down an answer and no other FAQ fits the question. */
    public static final String NOTHING_ELSE = "Sorry that didn't help. I don't have another answer for that — "
            + "could you tell me a bit more, or would you like to talk to a person?";

    private final KnowledgeBase knowledge;

    BotReplies(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * Asks the knowledge base about {@code questionText} in this conversation's context and replies, using the
     * turn's prepared decision when it was made for exactly this question.
     */
    public TranscriptEvent answer(CustomerTurn turn, String questionText) {
        Question question = question(turn.state(), turn.session().locale(), questionText);
        Decision decision = turn.prepared().decisionFor(question).orElseGet(() -> decide(question));
        return reply(turn, questionText, decision);
    }

    /** Decides the answer to {@code questionText} as {@link #answer} would in this state, without replying. */
    PreparedAnswer prepare(ConversationState state, String locale, String questionText) {
        Question question = question(state, locale, questionText);
        return new PreparedAnswer(question, decide(question));
    }

    private static Question question(ConversationState state, String locale, String questionText) {
        List<String> context = state.customerQuestions().stream()
                .filter(q -> !q.equals(questionText))
                .collect(Collectors.toList());
        boolean sameQuestion = state.lastQuestion().map(questionText::equals).orElse(false);
        return new Question(questionText, locale, context, sameQuestion ? state.rejectedFaqIds() : java.util.Set.of());
    }

    private Decision decide(Question question) {
        Decision decision = knowledge.decide(question);
        if (decision.outcome() == Decision.Outcome.FALLBACK && !question.excludeFaqIds().isEmpty()) {
            decision = new Decision(Decision.Outcome.FALLBACK, NOTHING_ELSE, "<p>" + NOTHING_ELSE + "</p>",
                    decision.candidates(), decision.citedFaqIds());
        }
        return decision;
    }

    public TranscriptEvent reply(CustomerTurn turn, String questionText, Decision decision) {
        List<String> candidates = decision.candidates().stream().map(Candidate::faqId).toList();
        return switch (decision.outcome()) {
            case ANSWER -> {
                Candidate top = decision.top().orElseThrow();
                yield turn.reply(NewEvent.of(new EventData.BotAnswered(top.title(), questionText, candidates,
                                decision.citedFaqIds(), false))
                        .text(decision.text()).html(decision.html())
                        .faq(top.faqId(), top.confidence()));
            }
            case CLARIFY -> {
                List<Option> options = new java.util.ArrayList<>(decision.candidates().stream()
                        .map(c -> new Option(c.title(), c.title())).toList());
                options.add(new Option(NONE_OF_THESE, NONE_OF_THESE));
                yield turn.reply(NewEvent.of(new EventData.BotClarified(questionText, candidates, rounded(decision.confidence())))
                        .text(decision.text()).html(decision.html())
                        .options(options));
            }
            case FALLBACK -> turn.reply(NewEvent.of(new EventData.BotFellBack(questionText, candidates, rounded(decision.confidence())))
                    .text(decision.text()).html(decision.html())
                    .options(List.of(new Option(TALK_TO_PERSON, TALK_TO_PERSON))));
        };
    }

    /** Answers with one specific FAQ the customer picked. */
    public TranscriptEvent answerWith(CustomerTurn turn, String faqId, String questionText) {
        return knowledge.faq(faqId).map(faq -> turn.reply(NewEvent.of(new EventData.BotAnswered(faq.title(), questionText,
                                List.of(faq.id()), List.of(faq.id()), true))
                        .text(faq.bodyMarkdown()).html(faq.bodyHtml())
                        .faq(faq.id(), 1.0)))
                .orElseGet(() -> answer(turn, questionText));
    }

    /** Three decimals, as the score was always recorded: enough to compare, and stable in exports. */
    private static double rounded(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }
}
