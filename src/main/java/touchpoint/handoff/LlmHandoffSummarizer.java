package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import touchpoint.chat.EventData;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.PiiMasker;
import touchpoint.knowledge.LanguageModel;

/**
 * The hand-off summary an agent reads first. The facts (questions, FAQs tried, ratings) always come from the
 * transcript; with a language model configured, its paragraph is written by the model from the prompt
 * {@code prompts/handoff-summary.md}, and when there is no model, or it fails or is slow, the extractive text
 * stands. Personal data is masked before the transcript leaves the service, and a summary is written once per
 * state of the conversation, not on every look.
 */
@Singleton
class LlmHandoffSummarizer implements HandoffSummarizer {

    private static final int MAX_LINES = 60;
    private static final int MAX_CACHED = 500;

    private final LanguageModel llm;
    private final ExtractiveHandoffSummarizer facts;
    /** "conversationId:lastSeq" → the model's text. */
    private final Map<String, String> written = new ConcurrentHashMap<>();

    LlmHandoffSummarizer(LanguageModel llm, ExtractiveHandoffSummarizer facts) {
        this.llm = llm;
        this.facts = facts;
    }

    /** Forgets the summaries written for a conversation whose transcript was redacted. */
    void forget(String conversationId) {
        written.keySet().removeIf(key -> key.startsWith(conversationId + ":"));
    }

    @Override
    public HandoffSummary summarize(List<TranscriptEvent> transcript) {
        HandoffSummary summary = facts.summarize(transcript);
        if (!llm.enabled() || transcript.isEmpty()) {
            return summary;
        }
        TranscriptEvent last = transcript.get(transcript.size() - 1);
        String key = last.conversationId() + ":" + last.seq();
        String text = written.get(key);
        if (text == null) {
            text = llm.complete("handoff-summary", Map.of("transcript", render(transcript))).orElse(null);
            if (text == null) {
                return summary;
            }
            if (written.size() >= MAX_CACHED) {
                written.clear();
            }
            written.put(key, text);
        }
        return summary.writtenByModel(text);
    }

    /** One line per message, newest last, personal data masked. */
    static String render(List<TranscriptEvent> transcript) {
        StringBuilder out = new StringBuilder();
        List<TranscriptEvent> recent = transcript.size() > MAX_LINES
                ? transcript.subList(transcript.size() - MAX_LINES, transcript.size()) : transcript;
        for (TranscriptEvent e : recent) {
            String who = switch (e.type()) {
                case CUSTOMER_ASKED, OFFLINE_MESSAGE_LEFT -> "Customer";
                case BOT_ANSWERED -> "Bot (answered from FAQ " + e.faqId() + ")";
                case BOT_CLARIFIED -> "Bot (asked which FAQ was meant)";
                case BOT_FELL_BACK -> "Bot (had no answer)";
                case AGENT_REPLIED -> "Agent";
                case ANSWER_RATED -> "Customer rated the answer "
                        + (e.data(EventData.AnswerRated.class).map(EventData.AnswerRated::helpful).orElse(false) ? "helpful" : "not helpful");
                case SURVEY_ANSWERED -> "Customer answered survey "
                        + e.data(EventData.SurveyAnswered.class).map(EventData.SurveyAnswered::questionId).orElse("");
                default -> null;
            };
            if (who == null) {
                continue;
            }
            String text = e.text() == null ? "" : PiiMasker.mask(e.text().strip().replaceAll("\\s+", " "));
            out.append(who);
            if (!text.isEmpty()) {
                out.append(": ").append(text.length() > 600 ? text.substring(0, 600) + "…" : text);
            }
            out.append('\n');
        }
        return out.length() == 0 ? "(no messages)" : out.toString();
    }
}
