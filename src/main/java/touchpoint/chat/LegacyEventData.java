package touchpoint.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads event data stored before events were typed: a flat map of strings, with booleans as {@code "true"} and
 * {@code "false"}, numbers as text and FAQ id lists comma-separated. Such rows stay in existing databases and are
 * never rewritten (the log is append-only), so they are read as the records they would be written as today.
 */
final class LegacyEventData {

    private LegacyEventData() {
    }

    static EventData read(EventType type, Map<String, String> d) {
        if (type.dataType() == null) {
            return null;
        }
        return switch (type) {
            case CONVERSATION_STARTED -> new EventData.ConversationStarted(d.get("touchpoint"), d.get("locale"));
            case BOT_ANSWERED -> new EventData.BotAnswered(d.get("title"), d.get("question"), ids(d.get("candidates")),
                    ids(d.get("cited")), "true".equals(d.get("chosen")));
            case BOT_CLARIFIED -> new EventData.BotClarified(d.get("question"), ids(d.get("candidates")), decimal(d.get("confidence")));
            case BOT_FELL_BACK -> new EventData.BotFellBack(d.get("question"), ids(d.get("candidates")), decimal(d.get("confidence")));
            case BOT_SMALL_TALK -> new EventData.BotSmallTalk(d.get("intent"));
            case SYSTEM_NOTICE -> d.get("notice") == null ? null : new EventData.SystemNotice(d.get("notice"), d.get("team"),
                    whole(d.get("position")) == null ? null : whole(d.get("position")).intValue(), whole(d.get("expectedMinutes")),
                    "true".equals(d.get("offlineMessage")));
            case HANDOFF_REQUESTED -> new EventData.HandoffRequested(d.get("reason"), d.get("team"));
            case AGENT_ASSIGNED -> new EventData.AgentAssigned(d.get("agentId"), d.get("team"), d.get("via"));
            case AGENT_JOINED -> new EventData.AgentJoined(d.get("agentId"), d.get("agentName"));
            case AGENT_REPLIED -> new EventData.AgentReplied(d.get("agentId"), d.get("agentName"), d.get("faqId"));
            case CONVERSATION_TRANSFERRED -> new EventData.ConversationTransferred(d.get("team"), d.get("fromAgentId"));
            case BOT_RESUMED -> new EventData.BotResumed(d.get("agentId"));
            case CONVERSATION_RESOLVED -> new EventData.ConversationResolved(d.get("agentId"));
            case OFFLINE_MESSAGE_LEFT -> new EventData.OfflineMessageLeft(d.get("email"));
            case SURVEY_ASKED -> new EventData.SurveyAsked(d.get("questionId"), d.get("type"), d.get("rule"));
            case SURVEY_ANSWERED -> whole(d.get("score")) == null ? null : new EventData.SurveyAnswered(d.get("questionId"),
                    d.get("type"), whole(d.get("score")).intValue(), d.get("comment"), d.get("agentId"), d.get("lastFaqId"),
                    d.get("touchpoint"), d.get("rule"), d.get("via"));
            case SURVEY_SKIPPED -> new EventData.SurveySkipped(d.get("questionId"), d.get("type"), d.get("reason"));
            case SURVEY_EXPIRED -> new EventData.SurveyExpired(d.get("questionId"), d.get("type"));
            case ANSWER_RATED -> new EventData.AnswerRated(d.get("faqId"), "true".equals(d.get("helpful")),
                    whole(d.get("messageSeq")) == null ? 0 : whole(d.get("messageSeq")), d.get("via"));
            default -> null;
        };
    }

    private static List<String> ids(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).toList();
    }

    private static Double decimal(String s) {
        try {
            return s == null ? null : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long whole(String s) {
        try {
            return s == null ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
